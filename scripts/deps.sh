#!/usr/bin/env bash
# Installs the Debian 12 packages zkevmc builds and tests with (as root).
set -euo pipefail
packages=(
  cmake ninja-build pkg-config g++ python3
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools
  libz3-dev libgmp-dev libboost-dev libgtest-dev nlohmann-json3-dev
  libcrypto++-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
