// solidity-verifier.mjs - zkevmc's JSON formats and Verifier.sol against snarkjs, solc and @ethereumjs/evm.
//
// usage: node solidity-verifier.mjs <zkevmc> <zkevmc-snarkjs-json-tool> <work-dir>
//
// Two circom2 circuits (two public signals; none) get a snarkjs Groth16 key
// from a fresh power-8 ptau and a snarkjs proof. Then:
//  - our JSON readers accept snarkjs's proof.json, public.json and
//    verification_key.json, and our writers reproduce them byte for byte;
//    snarkjs verifies the rewritten files;
//  - `zkevmc export-calldata` prints what `snarkjs zkey export
//    soliditycalldata` prints;
//  - `zkevmc export-verifier` gives the same contract from the .zkey and from
//    verification_key.json; solc 0.8.28 compiles it without warnings; deployed
//    in @ethereumjs/evm (Cancun), verifyProof accepts the snarkjs proof and
//    returns false, without reverting, for tampered proofs and inputs;
//  - it accepts `zkevmc prove`'s proof on snarkjs's key, and the contract for
//    a `zkevmc setup` key accepts our proof with that key and rejects
//    snarkjs's proof for the other key.
// Exit status 0 when every check passes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as snarkjs from 'snarkjs';
import solc from 'solc';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM } from '@ethereumjs/evm';
import { Address, bytesToHex, hexToBytes } from '@ethereumjs/util';

const [zkevmc, jsonTool, workDir] = process.argv.slice(2);
if (!zkevmc || !jsonTool || !workDir) {
  console.error('usage: node solidity-verifier.mjs <zkevmc> <zkevmc-snarkjs-json-tool> <work-dir>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const circom2 = join(here, 'node_modules', 'circom2', 'cli.js');

const Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;
const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const CIRCUITS = {
  // Two public signals: the output and input a.
  two: {
    source: `pragma circom 2.0.0;
template T() {
  signal input a;
  signal input b;
  signal input c;
  signal output out;
  signal t;
  t <== a * b;
  out <== t * c + a;
}
component main {public [a]} = T();
`,
    input: { a: '3', b: '5', c: '7' },
  },
  // No public signal at all: verifyProof takes only the proof.
  none: {
    source: `pragma circom 2.0.0;
template N() {
  signal input a;
  signal input b;
  signal t;
  t <== a * b;
}
component main = N();
`,
    input: { a: '11', b: '13' },
  },
};

async function makePtau(dir) {
  const curve = await snarkjs.curves.getCurveFromName('bn128');
  const p0 = join(dir, 'pot8_0.ptau');
  const p1 = join(dir, 'pot8_1.ptau');
  const final = join(dir, 'pot8.ptau');
  await snarkjs.powersOfTau.newAccumulator(curve, 8, p0);
  await snarkjs.powersOfTau.contribute(p0, p1, 'zkevmc test', 'entropy for the zkevmc interop test');
  await snarkjs.powersOfTau.preparePhase2(p1, final);
  return final;
}

// circom2 -> r1cs + wasm; snarkjs setup, vkey, witness and proof.
async function snarkjsArtifacts(dir, name, circuit, ptau) {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'c.circom'), circuit.source);
  run(process.execPath, [circom2, join(d, 'c.circom'), '--r1cs', '--wasm', '-o', d]);
  const files = {
    dir: d,
    zkey: join(d, 'c.zkey'),
    vkey: join(d, 'verification_key.json'),
    proof: join(d, 'proof.json'),
    public: join(d, 'public.json'),
    wtns: join(d, 'c.wtns'),
  };
  await snarkjs.zKey.newZKey(join(d, 'c.r1cs'), ptau, files.zkey);
  const vk = await snarkjs.zKey.exportVerificationKey(files.zkey);
  // The snarkjs CLI's layout: one-space indentation, no final newline.
  writeFileSync(files.vkey, JSON.stringify(vk, null, 1));
  await snarkjs.wtns.calculate(circuit.input, join(d, 'c_js', 'c.wasm'), files.wtns);
  const { proof, publicSignals } = await snarkjs.groth16.prove(files.zkey, files.wtns);
  writeFileSync(files.proof, JSON.stringify(proof, null, 1));
  writeFileSync(files.public, JSON.stringify(publicSignals, null, 1));
  return { files, vk, proof, publicSignals };
}

async function checkJson(name, a) {
  const out = join(a.files.dir, 'rewritten');
  mkdirSync(out, { recursive: true });
  for (const [kind, file] of [['proof', a.files.proof], ['public', a.files.public], ['vkey', a.files.vkey]]) {
    const target = join(out, kind + '.json');
    let ok = true;
    try {
      run(jsonTool, [kind, file, target]);
    } catch (e) {
      ok = false;
      console.error(e.stderr);
    }
    check(ok, `${name}: our reader accepts snarkjs's ${kind} file`);
    if (ok)
      check(readFileSync(target, 'utf8') === readFileSync(file, 'utf8'),
        `${name}: our writer reproduces snarkjs's ${kind} file byte for byte`);
  }
  const vk = JSON.parse(readFileSync(join(out, 'vkey.json'), 'utf8'));
  const pub = JSON.parse(readFileSync(join(out, 'public.json'), 'utf8'));
  const proof = JSON.parse(readFileSync(join(out, 'proof.json'), 'utf8'));
  check(await snarkjs.groth16.verify(vk, pub, proof), `${name}: snarkjs verifies the files our writers wrote`);
}

function compile(source) {
  const input = {
    language: 'Solidity',
    sources: { 'Verifier.sol': { content: source } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['evm.bytecode.object', 'evm.methodIdentifiers'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const diagnostics = output.errors ?? [];
  if (diagnostics.some((d) => d.severity === 'error')) {
    for (const d of diagnostics) console.error(d.formattedMessage);
    return null;
  }
  const contract = output.contracts['Verifier.sol'].Groth16Verifier;
  return { bytecode: contract.evm.bytecode.object, methods: contract.evm.methodIdentifiers, diagnostics };
}

const CALLER = new Address(hexToBytes('0x' + '11'.repeat(20)));
const GAS = 10_000_000n;

async function deploy(bytecode) {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
  const evm = await createEVM({ common });
  const result = await evm.runCall({ caller: CALLER, origin: CALLER, data: hexToBytes('0x' + bytecode), gasLimit: GAS });
  if (result.execResult.exceptionError) throw new Error('deployment failed: ' + result.execResult.exceptionError.error);
  return { evm, address: result.createdAddress };
}

const word = (x) => BigInt(x).toString(16).padStart(64, '0');

let lastGas = 0n;

// verifyProof's argument words from `zkevmc export-calldata`, the way a user
// would produce them.
function calldataWords(publicFile, proofFile) {
  const text = run(zkevmc, ['export-calldata', publicFile, proofFile]);
  const [pa, pb, pc, pub] = JSON.parse('[' + text + ']');
  return [...pa, ...pb[0], ...pb[1], ...pc, ...pub].map((x) => BigInt(x));
}

// Calls verifyProof(a, b, c[, input]) with the words in calldata order;
// returns 'true', 'false' or the failure ('revert', an error).
async function verifyProof(contract, selector, words) {
  const data = '0x' + selector + words.map(word).join('');
  const result = await contract.evm.runCall({
    caller: CALLER, origin: CALLER, to: contract.address, data: hexToBytes(data), gasLimit: GAS,
  });
  const exec = result.execResult;
  lastGas = exec.executionGasUsed;
  if (exec.exceptionError) return exec.exceptionError.error;
  const ret = bytesToHex(exec.returnValue);
  if (ret === '0x' + word(1)) return 'true';
  if (ret === '0x' + word(0)) return 'false';
  return 'returned ' + ret;
}

async function checkContract(name, a) {
  const fromZkey = join(a.files.dir, 'VerifierFromZkey.sol');
  const fromVkey = join(a.files.dir, 'VerifierFromVkey.sol');
  run(zkevmc, ['export-verifier', a.files.zkey, '-o', fromZkey]);
  run(zkevmc, ['export-verifier', a.files.vkey, '-o', fromVkey]);
  const source = readFileSync(fromZkey, 'utf8');
  check(source === readFileSync(fromVkey, 'utf8'), `${name}: export-verifier gives the same contract from the .zkey and from verification_key.json`);

  const ours = run(zkevmc, ['export-calldata', a.files.public, a.files.proof]);
  const theirs = await snarkjs.groth16.exportSolidityCallData(a.proof, a.publicSignals);
  check(ours === theirs + '\n', `${name}: export-calldata prints what snarkjs's soliditycalldata prints`);

  const compiled = compile(source);
  if (compiled) for (const d of compiled.diagnostics) console.error(d.formattedMessage);
  check(compiled !== null && compiled.diagnostics.length === 0,
    `${name}: solc 0.8.28 compiles Verifier.sol without errors or warnings`);
  if (!compiled) return;
  const n = a.publicSignals.length;
  const signature = 'verifyProof(uint256[2],uint256[2][2],uint256[2]' + (n ? `,uint256[${n}]` : '') + ')';
  const selector = compiled.methods[signature];
  check(selector !== undefined, `${name}: the contract has ${signature}`);
  if (!selector) return;
  // snarkjs's own verifier (its template cannot express zero inputs): the
  // same selector, and the same verdict on every call below.
  let reference = null;
  if (n) {
    const template = readFileSync(join(here, 'node_modules', 'snarkjs', 'templates', 'verifier_groth16.sol.ejs'), 'utf8');
    const refCompiled = compile(await snarkjs.zKey.exportSolidityVerifier(a.files.zkey, { groth16: template }));
    check(refCompiled !== null && refCompiled.methods[signature] === selector,
      `${name}: snarkjs's generated verifier has the same verifyProof selector (${selector})`);
    if (refCompiled) reference = await deploy(refCompiled.bytecode);
  }
  const contract = await deploy(compiled.bytecode);

  const valid = calldataWords(a.files.public, a.files.proof);
  check(await verifyProof(contract, selector, valid) === 'true', `${name}: verifyProof accepts the snarkjs proof`);
  console.log(`     (${lastGas} gas in the call, calldata excluded)`);

  if (reference) {
    check(await verifyProof(reference, selector, valid) === 'true', `${name}: snarkjs's verifier accepts the same call`);
    console.log(`     (${lastGas} gas in snarkjs's verifier)`);
  }
  const tampered = async (what, edit) => {
    const w = [...valid];
    edit(w);
    const r = await verifyProof(contract, selector, w);
    check(r === 'false', `${name}: verifyProof returns false (${r}) for ${what}`);
    if (reference) {
      const ref = await verifyProof(reference, selector, w);
      check(ref === 'false', `${name}: snarkjs's verifier also returns false (${ref}) for ${what}`);
    }
  };
  // Word layout: a 0-1, b 2-5 (x.c1, x.c0, y.c1, y.c0), c 6-7, inputs 8...
  await tampered('a.x changed by one (off the curve)', (w) => { w[0] ^= 1n; });
  await tampered('a replaced by c (a valid but wrong point)', (w) => { w[0] = w[6]; w[1] = w[7]; });
  await tampered('a = (1, 3), not on the curve', (w) => { w[0] = 1n; w[1] = 3n; });
  await tampered('a = -a', (w) => { w[1] = (Q - w[1]) % Q; });
  await tampered('a.x + q (not below q)', (w) => { w[0] += Q; });
  await tampered('b with real and imaginary parts swapped', (w) => {
    [w[2], w[3]] = [w[3], w[2]];
    [w[4], w[5]] = [w[5], w[4]];
  });
  await tampered('b.y.c0 changed by one', (w) => { w[5] ^= 1n; });
  await tampered('c = -c', (w) => { w[7] = (Q - w[7]) % Q; });
  await tampered('c = infinity', (w) => { w[6] = 0n; w[7] = 0n; });
  for (let i = 0; i < n; i++) {
    await tampered(`input[${i}] + 1`, (w) => { w[8 + i] = (w[8 + i] + 1n) % R; });
    await tampered(`input[${i}] + r (the same value mod r, not below r)`, (w) => { w[8 + i] += R; });
  }

  // Our prover (`zkevmc prove`) on snarkjs's key and witness: the same
  // contract accepts its proof.
  const ourProof = join(a.files.dir, 'zkevmc-proof.json');
  const ourPublic = join(a.files.dir, 'zkevmc-public.json');
  run(zkevmc, ['prove', a.files.zkey, a.files.wtns, ourProof, ourPublic]);
  check(readFileSync(ourPublic, 'utf8') === readFileSync(a.files.public, 'utf8'),
    `${name}: zkevmc prove writes the same public.json as snarkjs`);
  check(await verifyProof(contract, selector, calldataWords(ourPublic, ourProof)) === 'true',
    `${name}: verifyProof accepts zkevmc prove's proof`);

  // A key from `zkevmc setup`: its contract accepts our proof with that key
  // and rejects snarkjs's proof made with the other key; snarkjs verifies our
  // proof against the verification_key.json we wrote.
  const ourZkey = join(a.files.dir, 'zkevmc.zkey');
  const ourVkey = join(a.files.dir, 'zkevmc-verification_key.json');
  run(zkevmc, ['setup', join(a.files.dir, 'c.r1cs'), '-o', ourZkey, '--vkey', ourVkey]);
  const ourContractSource = run(zkevmc, ['export-verifier', ourZkey]);
  const ourCompiled = compile(ourContractSource);
  check(ourCompiled !== null, `${name}: solc compiles the contract for zkevmc setup's key`);
  if (!ourCompiled) return;
  const ourContract = await deploy(ourCompiled.bytecode);
  const keyedProof = join(a.files.dir, 'zkevmc-keyed-proof.json');
  const keyedPublic = join(a.files.dir, 'zkevmc-keyed-public.json');
  run(zkevmc, ['prove', ourZkey, a.files.wtns, keyedProof, keyedPublic]);
  check(await verifyProof(ourContract, selector, calldataWords(keyedPublic, keyedProof)) === 'true',
    `${name}: the contract for zkevmc setup's key accepts zkevmc prove's proof with that key`);
  check(await verifyProof(ourContract, selector, valid) === 'false',
    `${name}: the contract for zkevmc setup's key rejects snarkjs's proof for the other key`);
  check(await snarkjs.groth16.verify(JSON.parse(readFileSync(ourVkey, 'utf8')),
    JSON.parse(readFileSync(keyedPublic, 'utf8')), JSON.parse(readFileSync(keyedProof, 'utf8'))),
  `${name}: snarkjs verifies zkevmc's proof against zkevmc's verification_key.json`);
}

const start = Date.now();
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const ptau = await makePtau(workDir);
for (const [name, circuit] of Object.entries(CIRCUITS)) {
  const a = await snarkjsArtifacts(workDir, name, circuit, ptau);
  check(await snarkjs.groth16.verify(a.vk, a.publicSignals, a.proof), `${name}: snarkjs verifies its own proof (sanity)`);
  await checkJson(name, a);
  await checkContract(name, a);
}
console.log(`${failures ? 'FAILED' : 'passed'}: ${failures} failure(s) in ${((Date.now() - start) / 1000).toFixed(1)} s`);
// snarkjs keeps worker threads alive; end explicitly.
process.exit(failures ? 1 : 0);
