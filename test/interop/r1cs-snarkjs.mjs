// Interop: what `zkevmc compile --emit=r1cs` and `zkevmc witness --wtns`
// write is read by snarkjs. `snarkjs r1cs info` reports our counts,
// `snarkjs wtns check` accepts our witness for the opcode gadgets (-O2) and
// for the word_ops example at -O0, -O1 and -O2, and rejects a witness with
// one value changed. A Groth16 proof made by zkevmc from them verifies with
// snarkjs.
//
// Usage: node r1cs-snarkjs.mjs <path/to/zkevmc> [seed=1]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { r1cs as snarkR1cs, wtns as snarkWtns } from 'snarkjs';

const [zkevmc, seedArg = '1'] = process.argv.slice(2);
if (!zkevmc) {
  console.error('usage: node r1cs-snarkjs.mjs <zkevmc> [seed]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const snarkjsCli = join(here, 'node_modules', 'snarkjs', 'cli.js');
const examples = join(here, '..', '..', 'examples');
const work = mkdtempSync(join(tmpdir(), 'zkevmc-r1cs-'));

let failures = 0;
function check(ok, message) {
  if (!ok) {
    failures++;
    console.error(`FAIL: ${message}`);
  }
}

// mulberry32, so a seed names the inputs.
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
const random = rng(Number(seedArg));
function randomLimb() {
  const r = random();
  if (r < 0.2) return String(Math.floor(random() * 4));
  if (r < 0.3) return '18446744073709551615';
  let v = 0n;
  for (let i = 0; i < 4; i++) v = (v << 16n) | BigInt(Math.floor(random() * 65536));
  return v.toString();
}

function zk(...args) {
  return execFileSync(zkevmc, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// The counts `--emit=stats` prints.
function stats(args) {
  const text = zk('compile', ...args, '--emit=stats');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)[1]);
  return {
    constraints: field('constraints'), wires: field('wires'),
    outputs: field('public outputs'), pubInputs: field('public inputs'),
    prvInputs: field('private inputs'), labels: field('labels'),
  };
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

async function checkCircuit(name, compileArgs, level, inputs) {
  const dir = join(work, `${name}-O${level}`);
  zk('compile', ...compileArgs, '--emit=r1cs', `-O${level}`, '-o', dir);
  const r1csFile = join(dir, `${name}.r1cs`);
  const wtnsFile = join(dir, `${name}.wtns`);
  const inputsFile = join(dir, 'inputs.json');
  writeFileSync(inputsFile, JSON.stringify(inputs));
  zk('witness', join(dir, `${name}.zk.mlir`), '--inputs', inputsFile, '--wtns', wtnsFile);

  const ours = stats([...compileArgs, `-O${level}`]);
  const info = await snarkR1cs.info(r1csFile, quiet);
  const where = `${name} -O${level}`;
  check(info.nConstraints === ours.constraints, `${where}: snarkjs reads ${info.nConstraints} constraints, we print ${ours.constraints}`);
  check(info.nVars === ours.wires, `${where}: snarkjs reads ${info.nVars} wires, we print ${ours.wires}`);
  check(info.nOutputs === ours.outputs, `${where}: outputs ${info.nOutputs} vs ${ours.outputs}`);
  check(info.nPubInputs === ours.pubInputs, `${where}: public inputs ${info.nPubInputs} vs ${ours.pubInputs}`);
  check(info.nPrvInputs === ours.prvInputs, `${where}: private inputs ${info.nPrvInputs} vs ${ours.prvInputs}`);
  check(info.nLabels === ours.labels, `${where}: labels ${info.nLabels} vs ${ours.labels}`);

  check(await snarkWtns.check(r1csFile, wtnsFile, quiet) === true, `${where}: snarkjs rejects our witness`);

  // One output value changed (section 2 starts after the 12-byte file header,
  // section 1 (12-byte section header + 40 bytes) and section 2's 12-byte
  // header; wire 1 is the first output).
  const bytes = readFileSync(wtnsFile);
  const corrupt = Buffer.from(bytes);
  const wire1 = 12 + 12 + 40 + 12 + 32;
  corrupt[wire1] ^= 1;
  const corruptFile = join(dir, 'corrupt.wtns');
  writeFileSync(corruptFile, corrupt);
  const warnings = [];
  const collect = { ...quiet, warn: (m) => warnings.push(m) };
  check(await snarkWtns.check(r1csFile, corruptFile, collect) === false, `${where}: snarkjs accepts a witness with output 0 changed`);
  return { r1csFile, wtnsFile, corruptFile, stats: ours };
}

// Every opcode gadget, lowered on its own (private inputs, public outputs),
// except EXP: its 275k constraints would take snarkjs most of a minute, and
// R1csLoweringTest checks its R1CS witness.
const OPS = ['add', 'mul', 'sub', 'div', 'sdiv', 'mod', 'smod', 'addmod', 'mulmod',
  'signextend', 'lt', 'gt', 'slt', 'sgt', 'eq', 'iszero', 'and', 'or', 'xor', 'not', 'byte',
  'shl', 'shr', 'sar'];
const ARITY = { addmod: 3, mulmod: 3, iszero: 1, not: 1 };
// One module per opcode, so each compile builds one gadget.
function opModule(op) {
  const args = ['%a', '%b', '%c'].slice(0, ARITY[op] ?? 2).join(', ');
  const file = join(work, `${op}.mlir`);
  writeFileSync(file, `func.func @f(%a: i256, %b: i256, %c: i256) -> i256 {
  %r = evm.${op} ${args}
  return %r : i256
}
`);
  return file;
}

const counts = [];
for (const op of OPS) {
  const name = `evm_${op}`;
  const inputs = Array.from({ length: 4 * (ARITY[op] ?? 2) }, randomLimb);
  const { stats: s } = await checkCircuit(name, [opModule(op), '--no-fold', '--circuit', name], 2, inputs);
  counts.push(`${op.toUpperCase()} ${s.constraints}`);
}
console.log('-O2 constraints per gadget: ' + counts.join(', '));

// The example contract function through the snarkjs command line.
const wordInputs = JSON.parse(readFileSync(join(examples, 'word_ops.inputs.json'), 'utf8'));
for (const level of [0, 1, 2]) {
  const { r1csFile, wtnsFile, corruptFile, stats: s } =
    await checkCircuit('word_ops', [join(examples, 'word_ops.mlir')], level, wordInputs);
  const info = spawnSync('node', [snarkjsCli, 'r1cs', 'info', r1csFile], { encoding: 'utf8' });
  check(info.status === 0 && info.stdout.includes(`# of Constraints: ${s.constraints}`) &&
        info.stdout.includes(`# of Wires: ${s.wires}`),
        `word_ops -O${level}: snarkjs r1cs info says\n${info.stdout}${info.stderr}`);
  const good = spawnSync('node', [snarkjsCli, 'wtns', 'check', r1csFile, wtnsFile], { encoding: 'utf8' });
  check(good.status === 0 && good.stdout.includes('WITNESS IS CORRECT'),
        `word_ops -O${level}: snarkjs wtns check rejects our witness\n${good.stdout}${good.stderr}`);
  const bad = spawnSync('node', [snarkjsCli, 'wtns', 'check', r1csFile, corruptFile], { encoding: 'utf8' });
  check(bad.status !== 0 && bad.stdout.includes('WITNESS IS NOT CORRECT'),
        `word_ops -O${level}: snarkjs wtns check accepts a corrupted witness\n${bad.stdout}${bad.stderr}`);
}

// End to end: a Groth16 proof over our R1CS and witness (zkevmc setup and
// prove) verifies with snarkjs, and its public signals are word_ops' outputs
// then inputs: (5 + 7) * 3 / 7 = 5 and 5 < 7.
{
  const dir = join(work, 'word_ops-O2');
  const zkey = join(dir, 'word_ops.zkey');
  const vkey = join(dir, 'verification_key.json');
  const proof = join(dir, 'proof.json');
  const publicFile = join(dir, 'public.json');
  zk('setup', join(dir, 'word_ops.r1cs'), '-o', zkey, '--vkey', vkey);
  zk('prove', zkey, join(dir, 'word_ops.wtns'), proof, publicFile);
  const signals = JSON.parse(readFileSync(publicFile, 'utf8'));
  const expected = ['5', '0', '0', '0', '1', '0', '0', '0', '5', '0', '0', '0', '7', '0', '0', '0'];
  check(JSON.stringify(signals) === JSON.stringify(expected), `word_ops public signals ${JSON.stringify(signals)}`);
  const verify = (pub) => spawnSync('node', [snarkjsCli, 'groth16', 'verify', vkey, pub, proof], { encoding: 'utf8' });
  const ok = verify(publicFile);
  check(ok.status === 0 && ok.stdout.includes('OK'), `snarkjs rejects our proof of word_ops\n${ok.stdout}${ok.stderr}`);
  const wrong = join(dir, 'wrong-public.json');
  writeFileSync(wrong, JSON.stringify(['6', ...expected.slice(1)]));
  const bad = verify(wrong);
  check(bad.status !== 0, `snarkjs accepts our proof with another quotient\n${bad.stdout}`);
}

rmSync(work, { recursive: true, force: true });
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('r1cs-snarkjs: all checks passed');
// snarkjs leaves its curve's worker threads running.
process.exit(0);
