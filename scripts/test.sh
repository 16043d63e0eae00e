#!/usr/bin/env bash
# Builds zkevmc and runs the whole test suite (GoogleTest units and lit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# The independent implementations the interop tests compare against.
npm ci --prefix test/interop --no-audit --no-fund --loglevel=error
ctest --test-dir build --output-on-failure -j "${ZKEVMC_JOBS:-2}"
