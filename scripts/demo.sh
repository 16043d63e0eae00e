#!/usr/bin/env bash
# The main job: build zkevmc, then compile an example contract and show it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
example=examples/calldata_sum.hex
echo "== zkevmc disasm $example"
build/bin/zkevmc disasm "$example"
echo "== zkevmc compile $example --emit=evm"
build/bin/zkevmc compile "$example" --emit=evm
