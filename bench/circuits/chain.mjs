// chain.mjs - writes the dense benchmark circuit x[i+1] = x[i]*x[i] + i + b
// as an iden3 .r1cs and a satisfying .wtns, without circom (compiling 2^20
// constraints with circom2's wasm build takes far longer than proving).
//
//   node chain.mjs <log2 domain> <out.r1cs> <out.wtns> [seed]
//
// The circuit has N = 2^k - 3 constraints so that N + nPublic (2) + 1 fills
// snarkjs's domain of 2^k exactly. Wires, in circom's order: 0 = 1, 1 = the
// output x[N], 2 = b (public input), 3 = x[0] (private input), 4.. = x[1] ..
// x[N-1]. x[0] and b are derived from the seed, so every wire is a
// random-looking field element (not 0/1), as in real circuits.
import { openSync, writeSync, closeSync } from "node:fs";
import { createHash } from "node:crypto";

const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

function usage() {
  console.error("usage: node chain.mjs <log2 domain (4..24)> <out.r1cs> <out.wtns> [seed]");
  process.exit(2);
}

const [logArg, r1csPath, wtnsPath, seed = "zkevmc-bench"] = process.argv.slice(2);
if (!wtnsPath) usage();
const k = Number(logArg);
if (!Number.isInteger(k) || k < 4 || k > 24) usage();
const N = 2 ** k - 3;
const nWires = N + 3;

function fieldFromSeed(tag) {
  const h = createHash("sha512").update(seed + ":" + tag).digest("hex");
  return BigInt("0x" + h) % R;
}

function le32(v, buf, off) {
  for (let i = 0; i < 32; i++) {
    buf[off + i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

// Buffered writer: the 2^20 circuit's .r1cs is ~190 MB.
class Out {
  constructor(path) {
    this.fd = openSync(path, "w");
    this.buf = Buffer.alloc(1 << 22);
    this.pos = 0;
  }
  need(n) {
    if (this.pos + n > this.buf.length) this.flush();
  }
  u32(v) { this.need(4); this.buf.writeUInt32LE(v, this.pos); this.pos += 4; }
  u64(v) { this.need(8); this.buf.writeBigUInt64LE(BigInt(v), this.pos); this.pos += 8; }
  fe(v) { this.need(32); le32(v, this.buf, this.pos); this.pos += 32; }
  flush() { writeSync(this.fd, this.buf, 0, this.pos); this.pos = 0; }
  close() { this.flush(); closeSync(this.fd); }
}

const wireOf = (i) => (i === N ? 1 : 3 + i); // wire of x[i]

// .r1cs: header (section 1), constraints (2), wire -> label (3). Section
// sizes are known up front, so no seeking back is needed.
{
  const o = new Out(r1csPath);
  o.buf.write("r1cs", 0, "ascii"); o.pos = 4;
  o.u32(1); o.u32(3);
  o.u32(1); o.u64(4 + 32 + 4 * 4 + 8 + 4);
  o.u32(32); o.fe(R); o.u32(nWires); o.u32(1); o.u32(1); o.u32(1);
  o.u64(nWires); o.u32(N);
  let size2 = 0;
  for (let i = 0; i < N; i++) size2 += 3 * 4 + 2 * 36 + (i ? 3 : 2) * 36;
  o.u32(2); o.u64(size2);
  for (let i = 0; i < N; i++) {
    // x[i] * x[i] = x[i+1] - i - b
    o.u32(1); o.u32(wireOf(i)); o.fe(1n);
    o.u32(1); o.u32(wireOf(i)); o.fe(1n);
    const terms = [[2, R - 1n], [wireOf(i + 1), 1n]];
    if (i) terms.push([0, R - BigInt(i)]);
    terms.sort((a, b) => a[0] - b[0]);
    o.u32(terms.length);
    for (const [w, c] of terms) { o.u32(w); o.fe(c); }
  }
  o.u32(3); o.u64(8 * nWires);
  for (let w = 0; w < nWires; w++) o.u64(w);
  o.close();
}

// .wtns version 2: header (n8, prime, count), then canonical values.
{
  const o = new Out(wtnsPath);
  o.buf.write("wtns", 0, "ascii"); o.pos = 4;
  o.u32(2); o.u32(2);
  o.u32(1); o.u64(4 + 32 + 4);
  o.u32(32); o.fe(R); o.u32(nWires);
  o.u32(2); o.u64(32 * nWires);
  const b = fieldFromSeed("b");
  const xs = new Array(N + 1);
  xs[0] = fieldFromSeed("x0");
  for (let i = 0; i < N; i++) xs[i + 1] = (xs[i] * xs[i] + BigInt(i) + b) % R;
  o.fe(1n); o.fe(xs[N]); o.fe(b);
  for (let i = 0; i < N; i++) o.fe(xs[i]);
  o.close();
}
console.error(`chain: 2^${k} domain, ${N} constraints, ${nWires} wires -> ${r1csPath}, ${wtnsPath}`);
