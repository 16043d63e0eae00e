#!/usr/bin/env bash
# prove.sh - times zkevmc's Groth16 prover against snarkjs on dense circuits
# x[i+1] = x[i]*x[i] + i + b (bench/circuits/chain.mjs), same zkey and
# witness, same run, runs interleaved so machine load hits both alike.
#
#   bench/prove.sh [log2 sizes...]        default: 16 18 20
#   env: RUNS (default 3), BUILD (default build), WORK (default
#        /tmp/zkevmc-bench), NODE_MEM (MiB for node's heap, default 16384)
#
# For each size: writes the .r1cs/.wtns, makes a development key with
# `zkevmc setup`, then RUNS times each of `zkevmc-prove` (the lean prover
# executable), `zkevmc prove` and `snarkjs groth16 prove`, recording wall
# time, CPU time (user + sys) and peak RSS with /usr/bin/time; checks every
# proof with `zkevmc verify` and the last ones with `snarkjs groth16 verify`;
# prints a Markdown table of medians.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
WORK=${WORK:-/tmp/zkevmc-bench}
RUNS=${RUNS:-3}
NODE_MEM=${NODE_MEM:-16384}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(16 18 20)

ZKEVMC=$BUILD/bin/zkevmc
LEAN=$BUILD/bin/zkevmc-prove
SNARKJS=$ROOT/test/interop/node_modules/snarkjs/cli.js
for f in "$ZKEVMC" "$LEAN"; do
  [ -x "$f" ] || { echo "prove.sh: $f not built (ninja -C $BUILD zkevmc zkevmc-prove)" >&2; exit 1; }
done
[ -f "$SNARKJS" ] || { echo "prove.sh: snarkjs missing (npm ci --prefix test/interop)" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y time >/dev/null
  else
    echo "prove.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1
  fi
fi
mkdir -p "$WORK"

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# measure <log> <command...>: appends "wall cpu peakKiB" to <log>.
measure() {
  local log=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.tmp" "$@" >/dev/null 2>"$WORK/stderr.tmp" || {
    echo "prove.sh: failed: $*" >&2; cat "$WORK/stderr.tmp" >&2; exit 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$WORK/time.tmp" >> "$log"
}

verify_ours() {
  local out
  out=$("$ZKEVMC" verify "$1" "$2" "$3") || { echo "prove.sh: proof $3 does not verify: $out" >&2; exit 1; }
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "runs per prover: $RUNS (medians); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| constraints (domain) | zkevmc-prove wall / CPU / peak | zkevmc prove wall / CPU / peak | snarkjs wall / CPU / peak | speed-up (zkevmc-prove) |"
echo "|---|---|---|---|---|"
for k in "${SIZES[@]}"; do
  d=$WORK/chain$k
  mkdir -p "$d"
  [ -f "$d/c.wtns" ] || node "$ROOT/bench/circuits/chain.mjs" "$k" "$d/c.r1cs" "$d/c.wtns" 2>/dev/null
  if [ ! -f "$d/c.zkey" ] || [ "$d/c.r1cs" -nt "$d/c.zkey" ]; then
    /usr/bin/time -f "%e %M" -o "$d/setup.time" "$ZKEVMC" setup "$d/c.r1cs" -o "$d/c.zkey" --vkey "$d/vk.json" 2>/dev/null
    echo "setup 2^$k: $(awk '{printf "%s s wall, %.0f MiB peak", $1, $2/1024}' "$d/setup.time")" >&2
  fi
  rm -f "$d"/lean.log "$d"/cli.log "$d"/snarkjs.log
  for r in $(seq "$RUNS"); do
    measure "$d/lean.log" "$LEAN" "$d/c.zkey" "$d/c.wtns" "$d/proof_lean.json" "$d/public_lean.json"
    verify_ours "$d/vk.json" "$d/public_lean.json" "$d/proof_lean.json"
    measure "$d/cli.log" "$ZKEVMC" prove "$d/c.zkey" "$d/c.wtns" "$d/proof_cli.json" "$d/public_cli.json"
    verify_ours "$d/vk.json" "$d/public_cli.json" "$d/proof_cli.json"
    measure "$d/snarkjs.log" node --max-old-space-size="$NODE_MEM" "$SNARKJS" groth16 prove "$d/c.zkey" "$d/c.wtns" "$d/proof_snarkjs.json" "$d/public_snarkjs.json"
    verify_ours "$d/vk.json" "$d/public_snarkjs.json" "$d/proof_snarkjs.json"
    echo "  2^$k run $r: lean $(tail -1 "$d/lean.log"), cli $(tail -1 "$d/cli.log"), snarkjs $(tail -1 "$d/snarkjs.log")" >&2
  done
  node "$SNARKJS" groth16 verify "$d/vk.json" "$d/public_lean.json" "$d/proof_lean.json" >/dev/null ||
    { echo "prove.sh: snarkjs rejects zkevmc-prove's proof at 2^$k" >&2; exit 1; }
  node "$SNARKJS" groth16 verify "$d/vk.json" "$d/public_snarkjs.json" "$d/proof_snarkjs.json" >/dev/null ||
    { echo "prove.sh: snarkjs rejects its own proof at 2^$k" >&2; exit 1; }
  col() { median < <(awk -v c="$2" '{print $c}' "$1"); }
  row() { awk -v w="$(col "$1" 1)" -v c="$(col "$1" 2)" -v m="$(col "$1" 3)" \
            'BEGIN {printf "%.3f s / %.2f s / %.0f MiB", w, c, m / 1024}'; }
  ratio=$(awk -v s="$(col "$d/snarkjs.log" 1)" -v z="$(col "$d/lean.log" 1)" 'BEGIN {print s / z}')
  printf "| %d (2^%d) | %s | %s | %s | %.1fx |\n" "$((2**k - 3))" "$k" \
    "$(row "$d/lean.log")" "$(row "$d/cli.log")" "$(row "$d/snarkjs.log")" "$ratio"
done
