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
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [tool, work] = process.argv.slice(2);
if (!tool || !work) {
  console.error("usage: formats-interop.mjs <zkevmc-formats-tool> <dir>");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const circom = path.join(here, "node_modules/circom2/cli.js");
const snarkjs = path.join(here, "node_modules/snarkjs/build/cli.cjs");
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
const snark = (...a) => must(node, [snarkjs, ...a]);
const ours = (...a) => must(tool, a);
const sameBytes = (a, b) =>
  Buffer.compare(fs.readFileSync(path.join(work, a)), fs.readFileSync(path.join(work, b))) === 0;
// snarkjs logs "[INFO]  snarkJS: # of Wires: 9" with colour codes.
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, "");

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

for (const opt of ["O1", "O2"]) {
  const d = opt;
  fs.mkdirSync(path.join(work, d));
  must(node, [circom, circuit, "--r1cs", "--sym", "--wasm", `--${opt}`, "-o", d]);
  must(node, [path.join(work, d, "mul_js/generate_witness.js"),
              path.join(work, d, "mul_js/mul.wasm"), input, `${d}/mul.wtns`]);

  // Our reader agrees with snarkjs on the header.
  const info = JSON.parse(ours("r1cs-info", `${d}/mul.r1cs`));
  const sInfo = plain(snark("r1cs", "info", `${d}/mul.r1cs`));
  const field = (name) => Number(new RegExp(`# of ${name}: (\\d+)`).exec(sInfo)[1]);
  check(info.nWires === field("Wires"), `${opt} nWires ${info.nWires}`);
  check(info.nConstraints === field("Constraints"), `${opt} constraints`);
  check(info.nPrvIn === field("Private Inputs"), `${opt} private inputs`);
  check(info.nPubIn === field("Public Inputs"), `${opt} public inputs`);
  check(info.nPubOut === field("Outputs"), `${opt} outputs`);
  check(info.nLabels === field("Labels"), `${opt} labels`);
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
    check(/,-1,/.test(fs.readFileSync(path.join(work, d, "ours.sym"), "utf8")),
          "O2 .sym has removed signals (wire -1)");
  check(/# of Wires/.test(plain(snark("r1cs", "info", `${d}/ours.r1cs`))),
        `${opt} snarkjs r1cs info reads our .r1cs`);
  check(/WITNESS IS CORRECT/.test(plain(snark("wtns", "check", `${d}/ours.r1cs`, `${d}/ours.wtns`))),
        `${opt} snarkjs wtns check accepts our .r1cs and .wtns`);
}

// A witness with one value changed: both checkers reject it, at the same
// constraint.
{
  const w = fs.readFileSync(path.join(work, "O1/mul.wtns"));
  // 12-byte file header, section 1 (12 + 40 bytes), section 2's header.
  const valuesAt = 12 + 12 + 40 + 12;
  w[valuesAt + 32 * 6] ^= 1;
  fs.writeFileSync(path.join(work, "O1/bad.wtns"), w);
  const r = exec(tool, ["check", "O1/mul.r1cs", "O1/bad.wtns"]);
  const s = exec(node, [snarkjs, "wtns", "check", "O1/mul.r1cs", "O1/bad.wtns"]);
  const ourIdx = /constraint (\d+) violated/.exec(r.out);
  const theirIdx = /aborting checking process at constraint (\d+)/.exec(plain(s.out));
  check(r.code === 1 && ourIdx, `our check rejects a wrong witness: ${r.out}`);
  check(s.code !== 0 && theirIdx, "snarkjs rejects the wrong witness");
  check(ourIdx && theirIdx && ourIdx[1] === theirIdx[1],
        "both name the same violated constraint");
  const m = exec(tool, ["check", "O2/mul.r1cs", "O1/mul.wtns"]);
  check(m.code === 1 && /witness for another circuit: 9 values, circuit has 7 wires/.test(m.out),
        `witness of another circuit: ${m.out}`);
}

// Powers of tau and Groth16 keys.
snark("powersoftau", "new", "bn128", "8", "pot0.ptau");
snark("powersoftau", "contribute", "pot0.ptau", "pot1.ptau", "--name=one", "-e=formats interop");
snark("powersoftau", "prepare", "phase2", "pot1.ptau", "pot.ptau");
check(/power=8 ceremonyPower=8 prepared=0/.test(ours("ptau-info", "pot1.ptau")), "raw ptau");
check(/power=8 ceremonyPower=8 prepared=1/.test(ours("ptau-info", "pot.ptau")), "prepared ptau");

snark("groth16", "setup", "O1/mul.r1cs", "pot.ptau", "k0.zkey");
check(/coefficients match/.test(ours("zkey-vs-r1cs", "k0.zkey", "O1/mul.r1cs")),
      "zkey coefficients decode to the r1cs's");
check(/zkey matches ptau/.test(ours("zkey-vs-ptau", "k0.zkey", "pot.ptau")),
      "fresh zkey decodes to the ptau's points");
snark("zkey", "contribute", "k0.zkey", "k1.zkey", "--name=two", "-e=more entropy");

for (const k of ["k0", "k1"]) {
  ours("copy-zkey", `${k}.zkey`, `${k}-ours.zkey`);
  check(sameBytes(`${k}.zkey`, `${k}-ours.zkey`), `${k} .zkey round trip is byte-identical`);
  check(/ZKey Ok!/.test(plain(snark("zkey", "verify", "O1/mul.r1cs", "pot.ptau", `${k}-ours.zkey`))),
        `snarkjs zkey verify accepts our ${k}`);

  // Our decoded header equals snarkjs's verification key.
  snark("zkey", "export", "verificationkey", `${k}.zkey`, `${k}-vk.json`);
  const vk = JSON.parse(fs.readFileSync(path.join(work, `${k}-vk.json`), "utf8"));
  const mine = JSON.parse(ours("zkey-json", `${k}-ours.zkey`));
  for (const f of ["nPublic", "vk_alpha_1", "vk_beta_2", "vk_gamma_2", "vk_delta_2", "IC"])
    check(JSON.stringify(mine[f]) === JSON.stringify(vk[f]), `${k} ${f} matches snarkjs`);

  snark("groth16", "prove", `${k}-ours.zkey`, "O1/mul.wtns", `${k}-proof.json`, `${k}-public.json`);
  check(/OK/.test(plain(snark("groth16", "verify", `${k}-vk.json`, `${k}-public.json`, `${k}-proof.json`))),
        `snarkjs proves with our ${k} and verifies`);
}

console.log(`formats-interop: ${checks - failures}/${checks} checks passed`);
process.exit(failures ? 1 : 0);
