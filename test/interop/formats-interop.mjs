// Interop test of zkevmc's file formats against circom 2 and snarkjs.
//
// usage: node formats-interop.mjs <zkevmc-formats-tool> <scratch dir>
//
// circom compiles a small circuit (with --O1, and with --O2 so some signals
// are removed) and its wasm witness generator makes a .wtns. Our readers
// must accept circom's .r1cs/.sym/.wtns (and agree with `snarkjs r1cs info`
// and `snarkjs wtns check`), our writers must reproduce them byte for byte,
// and snarkjs must accept our copies. Then a power-8 ptau and a Groth16 key
// from snarkjs: our decoding of the key must match the r1cs, the ptau and
// snarkjs's verification key, and keys we rewrite must be byte-identical,
// pass `snarkjs zkey verify`, and prove and verify with snarkjs.
// snarkjs runs in-process (one curve instance) because each CLI start
// costs seconds of wasm set-up; circom and circom's witness generator run as
// the CLIs users run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as snarkjs from "snarkjs";

const [tool, work] = process.argv.slice(2);
if (!tool || !work) {
  console.error("usage: formats-interop.mjs <zkevmc-formats-tool> <dir>");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const circom = path.join(here, "node_modules/circom2/cli.js");
const circuit = path.join(here, "formats/mul.circom");
const input = path.join(here, "formats/input.json");

let failures = 0;
let checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) {
    failures++;
    console.error(`FAIL: ${what}`);
  }
}

// Runs a command; returns {code, out} with stdout and stderr together.
function exec(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8", cwd: work });
  return { code: r.status, out: (r.stdout || "") + (r.stderr || "") };
}
function must(cmd, args) {
  const r = exec(cmd, args);
  if (r.code !== 0) {
    console.error(`command failed (${r.code}): ${cmd} ${args.join(" ")}\n${r.out}`);
    process.exit(1);
  }
  return r.out;
}
const node = process.execPath;
const ours = (...a) => must(tool, a);
const w = (f) => path.join(work, f);
// A snarkjs logger that keeps what it is told.
function recorder() {
  const lines = [];
  const log = (m) => lines.push(String(m));
  return { lines, info: log, warn: log, error: log, debug: () => {} };
}
const sameBytes = (a, b) =>
  Buffer.compare(fs.readFileSync(path.join(work, a)), fs.readFileSync(path.join(work, b))) === 0;

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

for (const opt of ["O1", "O2"]) {
  const d = opt;
  fs.mkdirSync(w(d));
  must(node, [circom, circuit, "--r1cs", "--sym", "--wasm", `--${opt}`, "-o", d]);
  must(node, [w(`${d}/mul_js/generate_witness.js`), w(`${d}/mul_js/mul.wasm`),
              input, `${d}/mul.wtns`]);

  // Our reader agrees with snarkjs on the header.
  const info = JSON.parse(ours("r1cs-info", `${d}/mul.r1cs`));
  const cir = await snarkjs.r1cs.info(w(`${d}/mul.r1cs`));
  check(info.nWires === cir.nVars, `${opt} nWires ${info.nWires}`);
  check(info.nConstraints === cir.nConstraints, `${opt} constraints`);
  check(info.nPrvIn === cir.nPrvInputs, `${opt} private inputs`);
  check(info.nPubIn === cir.nPubInputs, `${opt} public inputs`);
  check(info.nPubOut === cir.nOutputs, `${opt} outputs`);
  check(info.nLabels === cir.nLabels, `${opt} labels`);
  if (opt === "O2")
    check(info.nLabels > info.nWires, "O2 removed some signals");

  check(/witness satisfies/.test(ours("check", `${d}/mul.r1cs`, `${d}/mul.wtns`)),
        `${opt} our checkWitness accepts circom's witness`);

  // Round trips are byte-identical, and snarkjs accepts our files.
  ours("copy-r1cs", `${d}/mul.r1cs`, `${d}/ours.r1cs`);
  ours("copy-wtns", `${d}/mul.wtns`, `${d}/ours.wtns`);
  ours("copy-sym", `${d}/mul.sym`, `${d}/ours.sym`);
  check(sameBytes(`${d}/mul.r1cs`, `${d}/ours.r1cs`), `${opt} .r1cs round trip`);
  check(sameBytes(`${d}/mul.wtns`, `${d}/ours.wtns`), `${opt} .wtns round trip`);
  check(sameBytes(`${d}/mul.sym`, `${d}/ours.sym`), `${opt} .sym round trip`);
  if (opt === "O2")
    check(/,-1,/.test(fs.readFileSync(w(`${d}/ours.sym`), "utf8")),
          "O2 .sym has removed signals (wire -1)");
  const ourCir = await snarkjs.r1cs.info(w(`${d}/ours.r1cs`));
  check(ourCir.nConstraints === cir.nConstraints, `${opt} snarkjs reads our .r1cs`);
  check(await snarkjs.wtns.check(w(`${d}/ours.r1cs`), w(`${d}/ours.wtns`), recorder()) === true,
        `${opt} snarkjs wtns check accepts our .r1cs and .wtns`);
}

// A witness with one value changed: both checkers reject it, at the same
// constraint.
{
  const b = fs.readFileSync(w("O1/mul.wtns"));
  // 12-byte file header, section 1 (12 + 40 bytes), section 2's header.
  const valuesAt = 12 + 12 + 40 + 12;
  b[valuesAt + 32 * 6] ^= 1;
  fs.writeFileSync(w("O1/bad.wtns"), b);
  const r = exec(tool, ["check", "O1/mul.r1cs", "O1/bad.wtns"]);
  const log = recorder();
  const theirs = await snarkjs.wtns.check(w("O1/mul.r1cs"), w("O1/bad.wtns"), log);
  const ourIdx = /constraint (\d+) violated/.exec(r.out);
  const theirIdx = /aborting checking process at constraint (\d+)/.exec(log.lines.join("\n"));
  check(r.code === 1 && ourIdx, `our check rejects a wrong witness: ${r.out}`);
  check(theirs === false && theirIdx, "snarkjs rejects the wrong witness");
  check(ourIdx && theirIdx && ourIdx[1] === theirIdx[1],
        "both name the same violated constraint");
  const m = exec(tool, ["check", "O2/mul.r1cs", "O1/mul.wtns"]);
  check(m.code === 1 && /witness for another circuit: 9 values, circuit has 7 wires/.test(m.out),
        `witness of another circuit: ${m.out}`);
}

// Powers of tau and Groth16 keys.
const curve = await snarkjs.curves.getCurveFromName("bn128");
await snarkjs.powersOfTau.newAccumulator(curve, 8, w("pot0.ptau"));
await snarkjs.powersOfTau.contribute(w("pot0.ptau"), w("pot1.ptau"), "one", "formats interop");
await snarkjs.powersOfTau.preparePhase2(w("pot1.ptau"), w("pot.ptau"));
check(/power=8 ceremonyPower=8 prepared=0/.test(ours("ptau-info", "pot1.ptau")), "raw ptau");
check(/power=8 ceremonyPower=8 prepared=1/.test(ours("ptau-info", "pot.ptau")), "prepared ptau");

await snarkjs.zKey.newZKey(w("O1/mul.r1cs"), w("pot.ptau"), w("k0.zkey"));
check(/coefficients match/.test(ours("zkey-vs-r1cs", "k0.zkey", "O1/mul.r1cs")),
      "zkey coefficients decode to the r1cs's");
check(/zkey matches ptau/.test(ours("zkey-vs-ptau", "k0.zkey", "pot.ptau")),
      "fresh zkey decodes to the ptau's points");
await snarkjs.zKey.contribute(w("k0.zkey"), w("k1.zkey"), "two", "more entropy");

for (const k of ["k0", "k1"]) {
  ours("copy-zkey", `${k}.zkey`, `${k}-ours.zkey`);
  check(sameBytes(`${k}.zkey`, `${k}-ours.zkey`), `${k} .zkey round trip is byte-identical`);
  check(await snarkjs.zKey.verifyFromR1cs(w("O1/mul.r1cs"), w("pot.ptau"), w(`${k}-ours.zkey`),
                                          recorder()) === true,
        `snarkjs zkey verify accepts our ${k}`);

  // Our decoded header equals snarkjs's verification key.
  const vk = await snarkjs.zKey.exportVerificationKey(w(`${k}.zkey`));
  const mine = JSON.parse(ours("zkey-json", `${k}-ours.zkey`));
  for (const f of ["nPublic", "vk_alpha_1", "vk_beta_2", "vk_gamma_2", "vk_delta_2", "IC"])
    check(JSON.stringify(mine[f]) === JSON.stringify(vk[f]), `${k} ${f} matches snarkjs`);

  const { proof, publicSignals } = await snarkjs.groth16.prove(w(`${k}-ours.zkey`), w("O1/mul.wtns"));
  check(await snarkjs.groth16.verify(vk, publicSignals, proof) === true,
        `snarkjs proves with our ${k} and verifies`);
  // The same proof against the other public input must fail, or the check
  // above proves nothing.
  const wrong = [...publicSignals];
  wrong[0] = String(BigInt(wrong[0]) + 1n);
  check(await snarkjs.groth16.verify(vk, wrong, proof, recorder()) === false,
        `${k}: a wrong public input is rejected`);
}

// The contributed key rewritten the way `zkevmc setup` writes keys (setup's
// section order, zero circuit hash, no contributions): different bytes, the
// same key, and snarkjs must still export, prove and verify with it.
{
  ours("rewrite-zkey-as-new", "k1.zkey", "k1-new.zkey");
  check(!sameBytes("k1.zkey", "k1-new.zkey"), "rewritten key differs in layout");
  const vk = await snarkjs.zKey.exportVerificationKey(w("k1-new.zkey"));
  const vkOrig = await snarkjs.zKey.exportVerificationKey(w("k1.zkey"));
  check(JSON.stringify(vk) === JSON.stringify(vkOrig), "rewritten key has the same verification key");
  const { proof, publicSignals } = await snarkjs.groth16.prove(w("k1-new.zkey"), w("O1/mul.wtns"));
  check(await snarkjs.groth16.verify(vkOrig, publicSignals, proof) === true,
        "snarkjs proves with the rewritten key");
}

await curve.terminate();
console.log(`formats-interop: ${checks - failures}/${checks} checks passed`);
process.exit(failures ? 1 : 0);
