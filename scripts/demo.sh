#!/usr/bin/env bash
# The main job: build zkevmc; disassemble, lift and run an example contract;
# compile an example function to a zk circuit, then to R1CS; compute its
# witness; make a (development) Groth16 key; prove; verify; export the
# Solidity verifier.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
zkevmc=build/bin/zkevmc
contract=examples/calldata_sum.hex
calldata=0x$(printf '%064x%064x' 5 7)
echo "== zkevmc disasm $contract"
$zkevmc disasm "$contract"
echo "== zkevmc compile $contract --emit=evm"
$zkevmc compile "$contract" --emit=evm
echo "== zkevmc run --code $contract --calldata <5, 7> --json"
$zkevmc run --code "$contract" --calldata "$calldata" --json
mkdir -p out
echo "== zkevmc compile examples/word_ops.mlir --emit=zk -o out/word_ops.zk.mlir"
$zkevmc compile examples/word_ops.mlir --emit=zk -o out/word_ops.zk.mlir
grep -c 'zk\.' out/word_ops.zk.mlir | xargs echo "   zk ops:"
echo "== zkevmc witness out/word_ops.zk.mlir --circuit word_ops --inputs examples/word_ops.inputs.json --check"
$zkevmc witness out/word_ops.zk.mlir --circuit word_ops \
  --inputs examples/word_ops.inputs.json --check
echo "== zkevmc compile examples/word_ops.mlir --emit=r1cs -O2 -o out/"
$zkevmc compile examples/word_ops.mlir --emit=r1cs -O2 -o out
echo "== zkevmc witness out/word_ops.zk.mlir --inputs ... --wtns out/word_ops.wtns"
$zkevmc witness out/word_ops.zk.mlir --circuit word_ops \
  --inputs examples/word_ops.inputs.json --wtns out/word_ops.wtns
echo "== zkevmc setup out/word_ops.r1cs -o out/word_ops.zkey"
$zkevmc setup out/word_ops.r1cs -o out/word_ops.zkey
$zkevmc zkey export-vkey out/word_ops.zkey -o out/verification_key.json
echo "== zkevmc prove out/word_ops.zkey out/word_ops.wtns out/proof.json out/public.json"
$zkevmc prove out/word_ops.zkey out/word_ops.wtns out/proof.json out/public.json
echo "== zkevmc verify out/verification_key.json out/public.json out/proof.json"
$zkevmc verify out/verification_key.json out/public.json out/proof.json
echo "== zkevmc export-verifier out/word_ops.zkey -o out/Verifier.sol"
$zkevmc export-verifier out/word_ops.zkey -o out/Verifier.sol
