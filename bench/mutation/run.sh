#!/bin/sh
# Mutation counts for all 25 opcode gadgets: bench/mutation/run.sh [args]
# Extra arguments go to zkevmc-mutate (e.g. --only ADD,MUL --per-kind 2).
# Writes bench/mutation/results.json (every mutant) and prints the table;
# exits 1 if a mutant the verifier proved is refuted by the concrete search.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build}
flock /tmp/zkevmc-build.lock ninja -C "$build" -j2 zkevmc-mutate >/dev/null
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -m), $(nproc) cores," \
  "git $(git -C "$root" rev-parse --short HEAD)"
exec "$build/bin/zkevmc-mutate" --per-kind "${PER_KIND:-2}" \
  --timeout-ms "${TIMEOUT_MS:-3000}" --json "$root/bench/mutation/results.json" "$@"
