#!/usr/bin/env bash
# The main job so far: build zkevmc; disassemble, lift and run an example
# contract; compile an example function to a zk circuit and compute and check
# its witness.
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
