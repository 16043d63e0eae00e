#!/usr/bin/env bash
# Builds zkevmc and runs the whole test suite (GoogleTest units and lit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "${ZKEVMC_JOBS:-2}"
