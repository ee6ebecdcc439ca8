#!/usr/bin/env bash
# Cold start of `assess run` on the sample against an empty console program published the same way, for both
# ways the README publishes: NativeAOT (the default) and ReadyToRun (-p:PublishAot=false). Whole processes,
# one warm-up each, then N rounds, each round running the four programs one after the other; prints the
# medians and the median of the round-by-round ratios. Usage: bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-15}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for kind in native r2r; do
  flag=(); [ "$kind" = r2r ] && flag=(-p:PublishAot=false)
  dotnet publish src/Assessment.Cli -c Release -r linux-x64 "${flag[@]}" -o "$out/$kind-assess" >/dev/null
  dotnet publish bench/EmptyConsole -c Release -r linux-x64 "${flag[@]}" -o "$out/$kind-empty" >/dev/null
done

time_us() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }

for kind in native r2r; do "$out/$kind-empty/EmptyConsole"; "$out/$kind-assess/assess" run >/dev/null; done
for i in $(seq "$n"); do
  for kind in native r2r; do
    e=$(time_us "$out/$kind-empty/EmptyConsole"); a=$(time_us "$out/$kind-assess/assess" run)
    echo "$e" >> "$out/$kind.empty"; echo "$a" >> "$out/$kind.assess"
    awk -v a="$a" -v e="$e" 'BEGIN { printf "%.3f\n", a / e }' >> "$out/$kind.ratio"
  done
  awk -v a="$a" -v b="$(tail -1 "$out/native.assess")" 'BEGIN { printf "%.3f\n", b / a }' >> "$out/native-r2r.ratio"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for kind in native r2r; do
  printf '%-7s tom konsol: median %6.1f ms   assess run: median %6.1f ms   kvot par för par: %s× (mål ≤ 2×)\n' \
    "$kind" "$(median "$out/$kind.empty" | awk '{print $1/1000}')" "$(median "$out/$kind.assess" | awk '{print $1/1000}')" \
    "$(median "$out/$kind.ratio")"
done
echo "assess run native / ReadyToRun, par för par: $(median "$out/native-r2r.ratio")×"
