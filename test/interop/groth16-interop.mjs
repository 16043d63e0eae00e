// Groth16 interop: zkevmc's setup, prover and verifier against snarkjs on a
// circuit compiled by circom 2 (circom2's wasm build), with the witness from
// circom's wasm through snarkjs's `wtns calculate` (snarkjs runs in-process).
//   (a) zkevmc's proof with snarkjs's key verifies with `snarkjs groth16 verify`
//   (b) snarkjs's proof verifies with `zkevmc verify`
//   (c) zkevmc's development key proves with `snarkjs groth16 prove`, and
//       that proof verifies with both; our exported verification key equals
//       snarkjs's export of the same key
//   (d) `zkevmc setup --ptau` makes snarkjs's `groth16 setup` key byte for
//       byte (sections 1-10, incl. the BLAKE2b circuit hash); `snarkjs zkey
//       verify` accepts it before and after a phase-2 contribution
//   (e) tampered proofs, wrong public inputs and a mismatched key are
//       rejected by `zkevmc verify` (and, as a sanity check, by snarkjs)
//   plus: a witness for another circuit is refused by `zkevmc prove`, and
//   the lean `zkevmc-prove` binary's proofs verify with snarkjs.
//
// Usage: node groth16-interop.mjs <path/to/zkevmc> <work dir> [zkevmc-prove]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as snarkjs from 'snarkjs';

const [zkevmcArg, workArg, leanArg] = process.argv.slice(2);
if (!zkevmcArg || !workArg) {
  console.error('usage: node groth16-interop.mjs <zkevmc> <work dir>');
  process.exit(2);
}
const zkevmc = resolve(zkevmcArg);
const work = resolve(workArg);
const here = dirname(fileURLToPath(import.meta.url));
const circomCli = join(here, 'node_modules/circom2/cli.js');

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const at = (f) => join(work, f);

let failures = 0;
function check(cond, what) {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (!cond) failures++;
}

function run(cmd, args, { mayFail = false } = {}) {
  const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (!mayFail && r.status !== 0) {
    console.error(`command failed (${r.status}): ${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  return r;
}
const node = process.execPath;
// snarkjs runs in this process: one curve instance instead of one per CLI
// call keeps the test fast on a loaded two-core machine.
const readJson = (f) => JSON.parse(readFileSync(at(f), 'utf8'));
const writeJson = (f, v) => writeFileSync(at(f), JSON.stringify(v, null, 1));
async function snarkjsProve(zkey, wtns, proofFile, publicFile) {
  const { proof, publicSignals } = await snarkjs.groth16.prove(at(zkey), at(wtns));
  writeJson(proofFile, proof);
  writeJson(publicFile, publicSignals);
}
const verifiesWithSnarkjs = async (vk, pub, proof) =>
  (await snarkjs.groth16.verify(readJson(vk), readJson(pub), readJson(proof))) === true;
const zk = (args, opts) => run(zkevmc, args, opts);

// A chain of squarings with a public input; 53 constraints + public
// signals need a domain of 64, so a power-7 ptau suffices.
writeFileSync(at('chain.circom'), `pragma circom 2.0.0;
template Chain(N) {
  signal input x;
  signal input b;
  signal output out;
  signal s[N + 1];
  s[0] <== x;
  for (var i = 0; i < N; i++) {
    s[i + 1] <== s[i] * s[i] + i * b + 3;
  }
  out <== s[N] * b;
}
component main {public [b]} = Chain(50);
`);
run(node, [circomCli, 'chain.circom', '--r1cs', '--wasm', '-o', '.']);
writeFileSync(at('input.json'), JSON.stringify({ x: '987654321987654321', b: '12345678901234567890123' }));
await snarkjs.wtns.calculate(readJson('input.json'), at('chain_js/chain.wasm'), at('chain.wtns'));

const curve = await snarkjs.curves.getCurveFromName('bn128');
await snarkjs.powersOfTau.newAccumulator(curve, 7, at('pot0.ptau'));
await snarkjs.powersOfTau.contribute(at('pot0.ptau'), at('pot1.ptau'), 'one', 'zkevmc groth16 interop');
await snarkjs.powersOfTau.preparePhase2(at('pot1.ptau'), at('pot.ptau'));
await snarkjs.zKey.newZKey(at('chain.r1cs'), at('pot.ptau'), at('snarkjs.zkey'));
writeJson('snarkjs_vk.json', await snarkjs.zKey.exportVerificationKey(at('snarkjs.zkey')));
const zkVerify = (vk, pub, proof) => {
  const r = zk(['verify', vk, pub, proof], { mayFail: true });
  return { ok: r.status === 0 && r.stdout.trim() === 'OK', out: r.stdout.trim() + r.stderr.trim(), status: r.status };
};

// (a) our proof, snarkjs's key.
zk(['prove', 'snarkjs.zkey', 'chain.wtns', 'proof_a.json', 'public_a.json']);
check(await verifiesWithSnarkjs('snarkjs_vk.json', 'public_a.json', 'proof_a.json'),
  '(a) zkevmc proof (snarkjs zkey) verifies with snarkjs groth16 verify');
check(zkVerify('snarkjs_vk.json', 'public_a.json', 'proof_a.json').ok,
  '(a) ... and with zkevmc verify');

// The lean prover executable (rapidsnark's interface).
if (leanArg) {
  run(resolve(leanArg), ['snarkjs.zkey', 'chain.wtns', 'proof_lean.json', 'public_lean.json']);
  check(await verifiesWithSnarkjs('snarkjs_vk.json', 'public_lean.json', 'proof_lean.json'),
    'zkevmc-prove proof (snarkjs zkey) verifies with snarkjs groth16 verify');
}

// (b) snarkjs's proof, our verifier.
await snarkjsProve('snarkjs.zkey', 'chain.wtns', 'proof_b.json', 'public_b.json');
check(zkVerify('snarkjs_vk.json', 'public_b.json', 'proof_b.json').ok,
  '(b) snarkjs proof verifies with zkevmc verify');
check(JSON.stringify(JSON.parse(readFileSync(at('public_a.json')))) ===
      JSON.stringify(JSON.parse(readFileSync(at('public_b.json')))),
  '(b) zkevmc and snarkjs write the same public.json values');

// Two proofs of one witness differ (fresh blinding), both verify.
zk(['prove', 'snarkjs.zkey', 'chain.wtns', 'proof_a2.json', 'public_a2.json']);
const pa = JSON.parse(readFileSync(at('proof_a.json')));
const pa2 = JSON.parse(readFileSync(at('proof_a2.json')));
check(JSON.stringify(pa.pi_a) !== JSON.stringify(pa2.pi_a) &&
      JSON.stringify(pa.pi_c) !== JSON.stringify(pa2.pi_c),
  'two zkevmc proofs of one witness differ');
check(await verifiesWithSnarkjs('snarkjs_vk.json', 'public_a2.json', 'proof_a2.json'),
  '... and the second verifies with snarkjs too');

// (c) our development key with snarkjs's prover.
const setup = zk(['setup', 'chain.r1cs', '-o', 'dev.zkey', '--vkey', 'dev_vk.json']);
check(/INSECURE/.test(setup.stderr), '(c) development setup announces itself as INSECURE on stderr');
writeJson('dev_vk_snarkjs.json', await snarkjs.zKey.exportVerificationKey(at('dev.zkey')));
check(JSON.stringify(JSON.parse(readFileSync(at('dev_vk.json')))) ===
      JSON.stringify(JSON.parse(readFileSync(at('dev_vk_snarkjs.json')))),
  '(c) zkevmc setup --vkey equals snarkjs zkey export verificationkey');
zk(['zkey', 'export-vkey', 'dev.zkey', '-o', 'dev_vk2.json']);
check(readFileSync(at('dev_vk2.json'), 'utf8') === readFileSync(at('dev_vk.json'), 'utf8'),
  '(c) zkevmc zkey export-vkey writes the same key');
await snarkjsProve('dev.zkey', 'chain.wtns', 'proof_c.json', 'public_c.json');
check(await verifiesWithSnarkjs('dev_vk_snarkjs.json', 'public_c.json', 'proof_c.json'),
  '(c) snarkjs proof with zkevmc dev key verifies with snarkjs');
check(zkVerify('dev_vk.json', 'public_c.json', 'proof_c.json').ok,
  '(c) ... and with zkevmc verify');
zk(['prove', 'dev.zkey', 'chain.wtns', 'proof_c2.json', 'public_c2.json']);
check(await verifiesWithSnarkjs('dev_vk_snarkjs.json', 'public_c2.json', 'proof_c2.json'),
  '(c) zkevmc proof with zkevmc dev key verifies with snarkjs');

// (d) --ptau setup reproduces snarkjs's key.
zk(['setup', 'chain.r1cs', '--ptau', 'pot.ptau', '-o', 'ptau.zkey']);
function sections(path) {
  const b = readFileSync(path);
  const out = { magic: b.subarray(0, 4).toString('latin1'), version: b.readUInt32LE(4), order: [], body: {} };
  const n = b.readUInt32LE(8);
  let p = 12;
  for (let i = 0; i < n; i++) {
    const type = b.readUInt32LE(p);
    const size = Number(b.readBigUInt64LE(p + 4));
    out.order.push(type);
    out.body[type] = b.subarray(p + 12, p + 12 + size);
    p += 12 + size;
  }
  return out;
}
const ours = sections(at('ptau.zkey'));
const theirs = sections(at('snarkjs.zkey'));
check(ours.magic === theirs.magic && ours.version === theirs.version &&
      ours.order.join(',') === theirs.order.join(','),
  `(d) same container and section order (${theirs.order.join(' ')})`);
for (let s = 1; s <= 9; s++)
  check(ours.body[s] && theirs.body[s] && Buffer.compare(ours.body[s], theirs.body[s]) === 0,
    `(d) --ptau key section ${s} is byte-identical to snarkjs's`);
check(ours.body[10] && Buffer.compare(ours.body[10], theirs.body[10]) === 0,
  '(d) section 10 (BLAKE2b circuit hash, 0 contributions) is byte-identical to snarkjs\'s');
check(await snarkjs.zKey.verifyFromR1cs(at('chain.r1cs'), at('pot.ptau'), at('ptau.zkey')) === true,
  '(d) snarkjs zkey verify accepts the --ptau key');
await snarkjs.zKey.contribute(at('ptau.zkey'), at('ptau1.zkey'), 'phase 2', 'zkevmc interop entropy');
check(await snarkjs.zKey.verifyFromR1cs(at('chain.r1cs'), at('pot.ptau'), at('ptau1.zkey')) === true,
  '(d) ... and the key after a snarkjs phase-2 contribution');
writeJson('ptau1_vk.json', await snarkjs.zKey.exportVerificationKey(at('ptau1.zkey')));
zk(['prove', 'ptau1.zkey', 'chain.wtns', 'proof_d1.json', 'public_d1.json']);
check(zkVerify('ptau1_vk.json', 'public_d1.json', 'proof_d1.json').ok &&
      await verifiesWithSnarkjs('ptau1_vk.json', 'public_d1.json', 'proof_d1.json'),
  '(d) zkevmc proves with the contributed key; both verifiers accept');
zk(['prove', 'ptau.zkey', 'chain.wtns', 'proof_d.json', 'public_d.json']);
check(await verifiesWithSnarkjs('snarkjs_vk.json', 'public_d.json', 'proof_d.json'),
  '(d) a proof from the --ptau key verifies against snarkjs\'s verification key');

// (e) rejections.
const proof = JSON.parse(readFileSync(at('proof_b.json')));
const pub = JSON.parse(readFileSync(at('public_b.json')));
async function rejected(name, vk, pubJson, proofJson, expect = /^INVALID proof/) {
  writeFileSync(at(`${name}_public.json`), JSON.stringify(pubJson));
  writeFileSync(at(`${name}_proof.json`), JSON.stringify(proofJson));
  const r = zkVerify(vk, `${name}_public.json`, `${name}_proof.json`);
  check(r.status === 1 && expect.test(r.out), `(e) zkevmc verify rejects ${name}: ${r.out.split('\n')[0]}`);
  check(!(await verifiesWithSnarkjs(vk, `${name}_public.json`, `${name}_proof.json`)),
    `(e) ... snarkjs rejects ${name} as well`);
}
await rejected('swapped-a-and-c', 'snarkjs_vk.json', pub, { ...proof, pi_a: proof.pi_c, pi_c: proof.pi_a });
await rejected('other-proofs-c', 'snarkjs_vk.json', pub, { ...proof, pi_c: pa.pi_c });
const bumped = [...pub];
bumped[1] = (BigInt(bumped[1]) + 1n).toString();
await rejected('wrong-public-input', 'snarkjs_vk.json', bumped, proof);
await rejected('wrong-public-output', 'snarkjs_vk.json', [(BigInt(pub[0]) + 1n).toString(), pub[1]], proof);
await rejected('mismatched-key', 'dev_vk.json', pub, proof);
const off = { ...proof, pi_a: [proof.pi_a[0], (BigInt(proof.pi_a[1]) + 1n).toString(), '1'] };
writeFileSync(at('offcurve_proof.json'), JSON.stringify(off));
const rOff = zkVerify('snarkjs_vk.json', 'public_b.json', 'offcurve_proof.json');
check(rOff.status === 1 && !rOff.ok, `(e) zkevmc verify rejects a point off the curve: ${rOff.out.split('\n')[0]}`);
const tooMany = [...pub, '1'];
writeFileSync(at('toomany_public.json'), JSON.stringify(tooMany));
const rMany = zkVerify('snarkjs_vk.json', 'toomany_public.json', 'proof_b.json');
check(rMany.status === 1 && /3 values, the verification key expects 2/.test(rMany.out),
  `(e) zkevmc verify rejects a wrong public input count: ${rMany.out.split('\n')[0]}`);

// A witness for another circuit.
writeFileSync(at('other.circom'), `pragma circom 2.0.0;
template M() { signal input a; signal input b; signal output c; c <== a * b; }
component main = M();
`);
run(node, [circomCli, 'other.circom', '--r1cs', '--wasm', '-o', '.']);
writeFileSync(at('other_input.json'), JSON.stringify({ a: '3', b: '5' }));
await snarkjs.wtns.calculate(readJson('other_input.json'), at('other_js/other.wasm'), at('other.wtns'));
const rOther = zk(['prove', 'snarkjs.zkey', 'other.wtns', 'x_proof.json', 'x_public.json'], { mayFail: true });
check(rOther.status === 1 && /witness for another circuit/.test(rOther.stderr),
  `zkevmc prove refuses a witness for another circuit: ${rOther.stderr.trim()}`);

await curve.terminate();
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all groth16 interop checks passed');
