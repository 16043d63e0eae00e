// Interop: on circuits written both in circom and in the zk dialect, circom2
// --O2 and `zkevmc compile --emit=r1cs -O2` produce systems of the same size
// (constraints, wires, outputs, inputs), as snarkjs reads them, and our
// witness for the same inputs has the same outputs as circom's.
//
// Usage: node r1cs-circom.mjs <path/to/zkevmc>
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { r1cs as snarkR1cs, wtns as snarkWtns } from 'snarkjs';

const [zkevmc] = process.argv.slice(2);
if (!zkevmc) {
  console.error('usage: node r1cs-circom.mjs <zkevmc>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const circomCli = join(here, 'node_modules', 'circom2', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'zkevmc-r1cs-circom-'));
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

let failures = 0;
function check(ok, message) {
  if (!ok) {
    failures++;
    console.error(`FAIL: ${message}`);
  }
}

const CIRCUITS = [
  {
    // A product, a sum and a 3-bit range check; `a` is public.
    name: 'small',
    inputs: { a: '3', b: '4', c: '6' },
    circom: `pragma circom 2.0.0;
template Small() {
  signal input a;
  signal input b;
  signal input c;
  signal output out;
  signal s;
  signal p;
  signal bits[3];
  s <== a + b;
  p <== s * s;
  out <== p + c;
  var acc = 0;
  for (var i = 0; i < 3; i++) {
    bits[i] <-- (c >> i) & 1;
    bits[i] * (bits[i] - 1) === 0;
    acc += bits[i] * (1 << i);
  }
  acc === c;
}
component main {public [a]} = Small();
`,
    zk: `zk.circuit @small(%a: !zk.felt {zk.public, zk.name = "a"}, %b: !zk.felt {zk.name = "b"},
                  %c: !zk.felt {zk.name = "c"}) -> (!zk.felt {zk.public}) attributes {field = "bn254"} {
  %s = zk.add %a, %b
  %p = zk.mul %s, %s
  %q = zk.add %p, %c
  zk.range %c, 3
  zk.output %q : !zk.felt
}
`,
  },
  {
    // IsZero of a linear combination, with its inverse hint.
    name: 'iz',
    inputs: { x: '5', y: '21888242871839275222246405745257275088548364400416034343698204186575808495602' },
    circom: `pragma circom 2.0.0;
template Iz() {
  signal input x;
  signal input y;
  signal output out;
  signal inv;
  signal t;
  t <== 3 * x + y;
  inv <-- t != 0 ? 1 / t : 0;
  out <== 1 - t * inv;
  t * out === 0;
}
component main = Iz();
`,
    zk: `zk.circuit @iz(%x: !zk.felt {zk.name = "x"}, %y: !zk.felt {zk.name = "y"}) -> (!zk.felt)
    attributes {field = "bn254"} {
  %three = zk.const 3
  %x3 = zk.mul %x, %three
  %t = zk.add %x3, %y
  %inv = zk.witness %t : (!zk.felt) -> !zk.felt {
  ^bb0(%v: !zk.felt):
    %i = zk.inv %v
    zk.yield %i : !zk.felt
  }
  %ti = zk.mul %t, %inv
  %one = zk.const 1
  %out = zk.sub %one, %ti
  %z = zk.mul %t, %out
  %zero = zk.const 0
  zk.assert_eq %z, %zero
  zk.output %out : !zk.felt
}
`,
  },
];

for (const c of CIRCUITS) {
  const dir = join(work, c.name);
  const circomFile = join(work, `${c.name}.circom`);
  const zkFile = join(work, `${c.name}.mlir`);
  const inputsFile = join(work, `${c.name}.json`);
  writeFileSync(circomFile, c.circom);
  writeFileSync(zkFile, c.zk);
  writeFileSync(inputsFile, JSON.stringify(c.inputs));
  const circomDir = join(work, `${c.name}-circom`);
  execFileSync('mkdir', ['-p', circomDir]);
  execFileSync('node', [circomCli, circomFile, '--r1cs', '--wasm', '--O2', '-o', circomDir], { stdio: 'pipe' });
  execFileSync(zkevmc, ['compile', zkFile, '--emit=r1cs', '-O2', '-o', dir], { stdio: 'pipe' });
  const ourWtns = join(dir, `${c.name}.wtns`);
  execFileSync(zkevmc, ['witness', join(dir, `${c.name}.zk.mlir`), '--inputs', inputsFile, '--wtns', ourWtns], { stdio: 'pipe' });

  const theirs = await snarkR1cs.info(join(circomDir, `${c.name}.r1cs`), quiet);
  const ours = await snarkR1cs.info(join(dir, `${c.name}.r1cs`), quiet);
  for (const key of ['nConstraints', 'nVars', 'nOutputs', 'nPubInputs', 'nPrvInputs']) {
    check(theirs[key] === ours[key], `${c.name}: ${key} circom ${theirs[key]}, zkevmc ${ours[key]}`);
  }
  check(await snarkWtns.check(join(dir, `${c.name}.r1cs`), ourWtns, quiet) === true, `${c.name}: snarkjs rejects our witness`);

  // circom's witness for the same inputs, from its wasm witness calculator.
  const circomWtns = join(circomDir, 'witness.wtns');
  const jsDir = join(circomDir, `${c.name}_js`);
  execFileSync('node', [join(jsDir, 'generate_witness.js'), join(jsDir, `${c.name}.wasm`), inputsFile, circomWtns], { stdio: 'pipe' });
  const theirW = await snarkWtns.exportJson(circomWtns);
  const ourW = await snarkWtns.exportJson(ourWtns);
  for (let i = 0; i <= ours.nOutputs + ours.nPubInputs + ours.nPrvInputs; i++) {
    check(theirW[i] === ourW[i], `${c.name}: wire ${i} is ${ourW[i]}, circom's is ${theirW[i]}`);
  }
}

rmSync(work, { recursive: true, force: true });
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('r1cs-circom: all checks passed');
// snarkjs leaves its curve's worker threads running.
process.exit(0);
