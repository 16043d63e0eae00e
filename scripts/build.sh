#!/usr/bin/env bash
# Configures (Release, Ninja) and builds zkevmc into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
if [ ! -f build/build.ninja ]; then
  cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release
fi
ninja -C build -j "${ZKEVMC_JOBS:-2}"
