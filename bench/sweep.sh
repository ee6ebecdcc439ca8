#!/usr/bin/env bash
# A 100-value threshold sweep over the bundled datasets against one `assess run` on the sample (issue 11: at
# most 3×). Both from the same build, published as the README says (NativeAOT), whole processes, run
# alternately N times after a warm-up; prints medians and the median of the pair-by-pair ratios.
# Usage: bench/sweep.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-15}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet publish src/Assessment.Cli -c Release -r linux-x64 -o "$out/assess" >/dev/null
assess="$out/assess/assess"
sweep=(sweep delvis_grans=0.80..0.99:0.0019 --format json)   # 101 values
run=(run --format json)

time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

"$assess" "${sweep[@]}" >/dev/null; "$assess" "${run[@]}" >/dev/null   # one warm-up each: disk cache
for i in $(seq "$n"); do
  s=$(time_ms "$assess" "${sweep[@]}"); r=$(time_ms "$assess" "${run[@]}")
  echo "$s" >> "$out/sweep"; echo "$r" >> "$out/run"
  awk -v s="$s" -v r="$r" 'BEGIN { printf "%.4f\n", s / r }' >> "$out/ratio"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "assess sweep (101 värden, json): median $(median "$out/sweep") ms"
echo "assess run (json):               median $(median "$out/run") ms"
echo "kvot svep/run, par för par:      median $(median "$out/ratio")×; mål ≤ 3×"
