// Differential test: random EVM programs run in zkevmc's interpreter
// (`zkevmc run --json`) and in @ethereumjs/evm must agree on status, return
// data, storage, logs and gas used.
//
// Usage: node evm-differential.mjs <path/to/zkevmc> [count=2000] [seed=1]
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM } from '@ethereumjs/evm';
import { Address, bytesToHex, hexToBytes } from '@ethereumjs/util';

const [zkevmc, countArg = '2000', seedArg = '1'] = process.argv.slice(2);
if (!zkevmc) {
  console.error('usage: node evm-differential.mjs <zkevmc> [count] [seed]');
  process.exit(2);
}
const count = Number(countArg);
const firstSeed = Number(seedArg);
const GAS_LIMIT = 1_000_000n;
const CALLER = '0x00000000000000000000000000000000000c0ffe';
const CONTRACT = '0x0000000000000000000000000000000000001000';

// A small, seedable PRNG (mulberry32) so that a seed names a program.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PURE = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
  0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b,
  0x1c, 0x1d];
const ARITY = { 0x08: 3, 0x09: 3, 0x15: 1, 0x19: 1 };

function hexByte(b) { return b.toString(16).padStart(2, '0'); }

// Words that exercise edges: 0, 1, small, 2^255, 2^256-1, random widths.
function randomWord(r) {
  const kind = Math.floor(r() * 8);
  const max = (1n << 256n) - 1n;
  switch (kind) {
    case 0: return 0n;
    case 1: return BigInt(Math.floor(r() * 40));
    case 2: return max - BigInt(Math.floor(r() * 3));
    case 3: return 1n << 255n;
    case 4: return 1n << BigInt(Math.floor(r() * 256));
    default: {
      let v = 0n;
      const bytes = 1 + Math.floor(r() * 32);
      for (let i = 0; i < bytes; i++) v = (v << 8n) | BigInt(Math.floor(r() * 256));
      return v;
    }
  }
}

function push(code, value) {
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (value === 0n) { code.push('5f'); return; }
  const n = hex.length / 2;
  code.push(hexByte(0x5f + n) + hex);
}

// Generates one program: a random walk over the allowed instructions that
// keeps the stack mostly valid (an occasional underflow or bad jump is kept
// on purpose: both sides must report the same error).
function generate(r) {
  const code = [];
  let depth = 0;
  let size = 0;
  const pendingJumps = []; // indices in `code` of jump placeholders
  const steps = 5 + Math.floor(r() * 60);
  const smallOffset = () => BigInt(Math.floor(r() * 128));
  for (let i = 0; i < steps; i++) {
    const c = r();
    if (c < 0.30 || depth < 3) {
      push(code, r() < 0.3 ? smallOffset() : randomWord(r)); depth++;
    } else if (c < 0.55) {
      const op = PURE[Math.floor(r() * PURE.length)];
      code.push(hexByte(op)); depth -= (ARITY[op] ?? 2) - 1;
    } else if (c < 0.62) {
      const n = 1 + Math.floor(r() * Math.min(depth, 16));
      code.push(hexByte(0x7f + n)); depth++;
    } else if (c < 0.69) {
      const n = 1 + Math.floor(r() * Math.min(depth - 1, 16));
      code.push(hexByte(0x8f + n));
    } else if (c < 0.72) {
      code.push('50'); depth--;
    } else if (c < 0.78) {
      push(code, smallOffset()); code.push(r() < 0.7 ? '52' : '53'); depth--;
    } else if (c < 0.81) {
      push(code, smallOffset()); code.push('51');
    } else if (c < 0.84) {
      push(code, BigInt(Math.floor(r() * 96))); push(code, smallOffset());
      code.push('20'); depth++;
    } else if (c < 0.87) {
      push(code, BigInt(Math.floor(r() * 80))); code.push('35'); depth++;
    } else if (c < 0.92) {
      push(code, BigInt(Math.floor(r() * 4))); code.push('55'); depth--;
    } else if (c < 0.95) {
      push(code, BigInt(Math.floor(r() * 4))); code.push('54'); depth++;
    } else {
      // A forward jump (JUMP or JUMPI) to a JUMPDEST placed later.
      pendingJumps.push(code.length);
      code.push(null);
      code.push(r() < 0.5 ? '56' : '57');
      if (code[code.length - 1] === '57') depth--;
    }
    if (depth < 0) depth = 0;
  }
  // Ending: return some memory, stop, or revert.
  const end = r();
  if (end < 0.5) { push(code, 32n); push(code, 0n); code.push('f3'); }
  else if (end < 0.8) code.push('00');
  else { push(code, 32n); push(code, 0n); code.push('fd'); }
  // Jump destinations are appended after the ending, one per jump, each
  // followed by STOP so that landing there halts.
  let hex = code.map((c) => c ?? '610000').join('');
  for (let j = 0; j < pendingJumps.length; j++) hex += '5b00';
  return fixTargets(hex, pendingJumps.length, r);
}

// Points the PUSH2 before each JUMP/JUMPI at its trailing JUMPDEST now that
// the code's length is final; one in ten points at pc 0 instead, which is no
// JUMPDEST, so that both EVMs must report the bad jump.
function fixTargets(hex, jumps, r) {
  const bytes = hexToBytes('0x' + hex);
  const tail = bytes.length - 2 * jumps;
  let n = 0;
  for (let pc = 0; pc < tail; pc++) {
    const op = bytes[pc];
    if (op === 0x61 && pc + 3 < bytes.length && (bytes[pc + 3] === 0x56 || bytes[pc + 3] === 0x57)) {
      const target = r() < 0.1 ? 0 : tail + 2 * n;
      n++;
      bytes[pc + 1] = target >> 8;
      bytes[pc + 2] = target & 0xff;
    }
    if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
  }
  return bytesToHex(bytes).slice(2);
}

async function runEthereumJs(codeHex, calldataHex) {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
  const evm = await createEVM({ common });
  const to = new Address(hexToBytes(CONTRACT));
  await evm.stateManager.putCode(to, hexToBytes('0x' + codeHex));
  const result = await evm.runCall({
    caller: new Address(hexToBytes(CALLER)),
    origin: new Address(hexToBytes(CALLER)),
    to,
    data: hexToBytes('0x' + calldataHex),
    gasLimit: GAS_LIMIT,
  });
  const exec = result.execResult;
  const storage = {};
  for (let slot = 0n; slot < 4n; slot++) {
    const key = hexToBytes('0x' + slot.toString(16).padStart(64, '0'));
    const value = await evm.stateManager.getStorage(to, key);
    if (value.length && BigInt(bytesToHex(value)) !== 0n)
      storage['0x' + slot.toString(16)] = '0x' + BigInt(bytesToHex(value)).toString(16);
  }
  const error = exec.exceptionError?.error;
  const status = !error ? 'success' : error === 'revert' ? 'revert' : 'error';
  return {
    status,
    returndata: bytesToHex(exec.returnValue),
    gasUsed: Number(exec.executionGasUsed),
    storage,
    logs: (exec.logs ?? []).map(([, topics, data]) => ({
      topics: topics.map((t) => bytesToHex(t)),
      data: bytesToHex(data),
    })),
  };
}

function runZkevmc(dir, codeHex, calldataHex) {
  const codeFile = join(dir, 'code.hex');
  writeFileSync(codeFile, codeHex);
  const out = execFileSync(zkevmc, ['run', '--code', codeFile, '--calldata',
    '0x' + calldataHex, '--caller', CALLER, '--address', CONTRACT,
    '--gas', String(GAS_LIMIT), '--json'], { encoding: 'utf8' });
  const r = JSON.parse(out);
  // Only the slots the programs can touch (0-3) are compared.
  const storage = {};
  for (const [k, v] of Object.entries(r.storage)) if (BigInt(k) < 4n) storage[k] = v;
  return { status: r.status, error: r.error, returndata: r.returndata,
    gasUsed: r.gasUsed, storage, logs: r.logs };
}

const dir = mkdtempSync(join(tmpdir(), 'zkevmc-diff-'));
let passed = 0;
let failed = 0;
const outcomes = {};
console.log(`evm differential: ${count} programs, seeds ${firstSeed}..${firstSeed + count - 1}`);
for (let s = firstSeed; s < firstSeed + count; s++) {
  const r = rng(s);
  const codeHex = generate(r);
  let calldataHex = '';
  const calldataLen = Math.floor(r() * 80);
  for (let i = 0; i < calldataLen; i++) calldataHex += hexByte(Math.floor(r() * 256));
  const theirs = await runEthereumJs(codeHex, calldataHex);
  const ours = runZkevmc(dir, codeHex, calldataHex);
  const outcome = theirs.status + (ours.error ? ` (${ours.error})` : '');
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  const fields = ['status', 'returndata', 'gasUsed', 'storage', 'logs'];
  const diff = fields.find((f) => JSON.stringify(ours[f]) !== JSON.stringify(theirs[f]));
  if (diff) {
    failed++;
    if (failed <= 10) {
      console.log(`MISMATCH seed ${s} field ${diff}`);
      console.log(`  code     0x${codeHex}`);
      console.log(`  calldata 0x${calldataHex}`);
      console.log(`  zkevmc      ${JSON.stringify(ours[diff])}`);
      console.log(`  ethereumjs  ${JSON.stringify(theirs[diff])}`);
    }
  } else {
    passed++;
  }
}
console.log(`outcomes: ${JSON.stringify(outcomes)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
