// Interop: `zkevmc audit --r1cs` on circom 2 output. Small circuits of our
// own, compiled by circom2 --O2, must be judged as expected: a divider that
// only constrains q·d + r = a and an IsZero without `in * out === 0` FAIL
// with two witnesses, the divider with r < d and range checks and the full
// IsZero are proved. Every counterexample is re-checked here, independently
// of zkevmc: both assignments must satisfy every constraint of the .r1cs as
// snarkjs reads it, agree on the inputs and differ on the outputs. Last, a
// hand-built second witness shows the range-checked divider at 128 bits is
// not deterministic either (q·d + r can pass p).
//
// Usage: node r1cs-audit.mjs <path/to/zkevmc>
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { r1cs as snarkR1cs } from 'snarkjs';

const [zkevmc] = process.argv.slice(2);
if (!zkevmc) {
  console.error('usage: node r1cs-audit.mjs <zkevmc>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const circomCli = join(here, 'node_modules', 'circom2', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'zkevmc-r1cs-audit-'));
const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const INPUT_BITS = 8;

let failures = 0;
function check(ok, message) {
  if (!ok) {
    failures++;
    console.error(`FAIL: ${message}`);
  }
}

// Our own range-check helpers (a bit decomposition, a comparison of n-bit
// values through the top bit of x + 2^n - y).
const HELPERS = `
template Bits(n) {
  signal input in;
  signal output out[n];
  var sum = 0;
  for (var i = 0; i < n; i++) {
    out[i] <-- (in >> i) & 1;
    out[i] * (out[i] - 1) === 0;
    sum += out[i] * (1 << i);
  }
  sum === in;
}
template Below(n) {
  signal input x;
  signal input y;
  signal output lt;
  component b = Bits(n + 1);
  b.in <== x + (1 << n) - y;
  lt <== 1 - b.out[n];
}
`;

const CIRCUITS = [
  {
    // The DivAndMod pattern: q and r are hints, only q*d + r === a binds them.
    name: 'loose_div',
    expect: 'failed',
    circom: `pragma circom 2.0.0;
template LooseDiv() {
  signal input a;
  signal input d;
  signal output q;
  signal output r;
  q <-- a \\ d;
  r <-- a % d;
  q * d + r === a;
}
component main = LooseDiv();
`,
  },
  {
    // The same with q, r range-checked to n bits and r < d.
    name: 'checked_div',
    expect: 'proved',
    circom: `pragma circom 2.0.0;
${HELPERS}
template CheckedDiv(n) {
  signal input a;
  signal input d;
  signal output q;
  signal output r;
  q <-- a \\ d;
  r <-- a % d;
  component qb = Bits(n);
  qb.in <== q;
  component rb = Bits(n);
  rb.in <== r;
  component lt = Below(n);
  lt.x <== r;
  lt.y <== d;
  lt.lt === 1;
  q * d + r === a;
}
component main = CheckedDiv(${INPUT_BITS});
`,
  },
  {
    // IsZero without in * out === 0: any inv gives some out.
    name: 'leaky_iszero',
    expect: 'failed',
    circom: `pragma circom 2.0.0;
template LeakyIsZero() {
  signal input in;
  signal output out;
  signal inv;
  inv <-- in != 0 ? 1 / in : 0;
  out <== 1 - in * inv;
}
component main = LeakyIsZero();
`,
  },
  {
    name: 'iszero',
    expect: 'proved',
    circom: `pragma circom 2.0.0;
template IsZeroChecked() {
  signal input in;
  signal output out;
  signal inv;
  inv <-- in != 0 ? 1 / in : 0;
  out <== 1 - in * inv;
  in * out === 0;
}
component main = IsZeroChecked();
`,
  },
];

const mod = (x) => ((x % P) + P) % P;
function evalLc(lc, w) {
  let acc = 0n;
  for (const [wire, coeff] of Object.entries(lc)) acc += BigInt(coeff) * w[Number(wire)];
  return mod(acc);
}
function firstViolation(constraints, w) {
  for (let k = 0; k < constraints.length; k++) {
    const [a, b, c] = constraints[k];
    if (mod(evalLc(a, w) * evalLc(b, w)) !== evalLc(c, w)) return k;
  }
  return -1;
}

for (const c of CIRCUITS) {
  const circomFile = join(work, `${c.name}.circom`);
  writeFileSync(circomFile, c.circom);
  execFileSync('node', [circomCli, circomFile, '--r1cs', '--sym', '--O2', '-o', work], { stdio: 'pipe' });
  const r1csFile = join(work, `${c.name}.r1cs`);
  const started = Date.now();
  const run = spawnSync(zkevmc, ['audit', '--r1cs', r1csFile, '--input-bits', String(INPUT_BITS),
    '--timeout-ms', '60000', '--json'], { encoding: 'utf8' });
  const seconds = (Date.now() - started) / 1000;
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch (e) {
    check(false, `${c.name}: no JSON from zkevmc audit (status ${run.status}): ${run.stderr}`);
    continue;
  }
  const det = report.determinism;
  console.log(`${c.name}: ${report.constraints} constraints, determinism ${det.verdict} ` +
    `(${det.method}, ${det.seconds.toFixed(2)} s solver, ${seconds.toFixed(2)} s wall)`);
  check(det.verdict === c.expect, `${c.name}: determinism ${det.verdict}, expected ${c.expect} (${det.reason ?? ''})`);
  check(run.status === (c.expect === 'proved' ? 0 : 1), `${c.name}: exit status ${run.status}`);
  if (det.verdict !== 'failed') continue;

  const info = await snarkR1cs.exportJson(r1csFile);
  const w1 = det.counterexample.witness1.map(BigInt);
  const w2 = det.counterexample.witness2.map(BigInt);
  check(w1.length === info.nVars && w2.length === info.nVars, `${c.name}: witness length`);
  check(w1[0] === 1n && w2[0] === 1n, `${c.name}: wire 0 is not 1`);
  const k1 = firstViolation(info.constraints, w1);
  const k2 = firstViolation(info.constraints, w2);
  check(k1 < 0, `${c.name}: witness 1 violates constraint ${k1}`);
  check(k2 < 0, `${c.name}: witness 2 violates constraint ${k2}`);
  const firstInput = 1 + info.nOutputs;
  const endInput = firstInput + info.nPubInputs + info.nPrvInputs;
  for (let i = firstInput; i < endInput; i++) {
    check(w1[i] === w2[i], `${c.name}: input wire ${i} differs`);
    check(w1[i] < (1n << BigInt(INPUT_BITS)), `${c.name}: input wire ${i} is not below 2^${INPUT_BITS}`);
  }
  let differ = false;
  for (let i = 1; i < firstInput; i++) differ ||= w1[i] !== w2[i];
  check(differ, `${c.name}: the outputs agree`);
  check(det.counterexample.differingOutputs.length > 0, `${c.name}: no differing output named`);
}

// The range-checked divider at n = 128 (tko's limb width) is still not
// deterministic: q·d + r may exceed p. The check answers unknown on it
// within CI limits, so the second witness is built here by hand and both
// are checked against the .r1cs: q' = (a + p) div d, r' = (a + p) mod d
// with d > (a + p) / 2^128. Every signal's value follows from the circuit's
// definitions; --O2 keeps a subset of the signals as wires (.sym maps them).
{
  const n = 128n;
  const name = 'checked_div128';
  const circomFile = join(work, `${name}.circom`);
  writeFileSync(circomFile, CIRCUITS[1].circom.replace(`CheckedDiv(${INPUT_BITS})`, `CheckedDiv(${n})`));
  execFileSync('node', [circomCli, circomFile, '--r1cs', '--sym', '--O2', '-o', work], { stdio: 'pipe' });
  const info = await snarkR1cs.exportJson(join(work, `${name}.r1cs`));
  const sym = readFileSync(join(work, `${name}.sym`), 'utf8').trim().split('\n').map((line) => {
    const [, wire, , signal] = line.split(',');
    return [Number(wire), signal];
  });
  const a = 5n;
  const d = (1n << 127n) + 1n;
  const bitsOf = (x, count, prefix, out) => {
    for (let i = 0n; i < count; i++) out[`${prefix}[${i}]`] = (x >> i) & 1n;
  };
  function signals(q, r) {
    const s = { 'main.a': a, 'main.d': d, 'main.q': q, 'main.r': r, 'main.qb.in': q, 'main.rb.in': r,
      'main.lt.x': r, 'main.lt.y': d, 'main.lt.lt': 1n, 'main.lt.b.in': r + (1n << n) - d };
    bitsOf(q, n, 'main.qb.out', s);
    bitsOf(r, n, 'main.rb.out', s);
    bitsOf(r + (1n << n) - d, n + 1n, 'main.lt.b.out', s);
    const w = new Array(info.nVars).fill(undefined);
    w[0] = 1n;
    for (const [wire, signal] of sym) if (wire >= 0) w[wire] = mod(s[signal]);
    return w;
  }
  const honest = signals(a / d, a % d);
  const other = signals((a + P) / d, (a + P) % d);
  check((a + P) / d < (1n << n) && (a + P) % d < d, `${name}: the second quotient is not a ${n}-bit value`);
  check(!honest.includes(undefined) && !other.includes(undefined), `${name}: a wire has no signal value`);
  check(firstViolation(info.constraints, honest) < 0, `${name}: the honest witness violates a constraint`);
  check(firstViolation(info.constraints, other) < 0, `${name}: the second witness violates a constraint`);
  check(honest[1] !== other[1], `${name}: the quotients agree`);
  // The evaluation is not vacuous: one more in r' breaks q·d + r = a.
  const wrong = signals((a + P) / d, (a + P) % d + 1n);
  check(firstViolation(info.constraints, wrong) >= 0, `${name}: a wrong remainder is accepted`);
  console.log(`${name}: ${info.nConstraints} constraints; q = ${honest[1]} and q' = ${other[1]} both satisfy it ` +
    `for a = ${a}, d = ${d}`);
}

rmSync(work, { recursive: true, force: true });
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('r1cs-audit: all checks passed');
// snarkjs leaves its curve's worker threads running.
process.exit(0);
