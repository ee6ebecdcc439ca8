#!/usr/bin/env bash
# Cold start of `assess run` on the sample against an empty console program built the same way
# (Release, framework-dependent, started with `dotnet X.dll`), run alternately N times; prints medians
# and the ratio. Usage: bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-15}"
dotnet build -c Release src/Assessment.Cli >/dev/null
dotnet build -c Release bench/EmptyConsole >/dev/null
assess=src/Assessment.Cli/bin/Release/net10.0/assess.dll
empty=bench/EmptyConsole/bin/Release/net10.0/EmptyConsole.dll
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

dotnet "$empty"; dotnet "$assess" run >/dev/null   # one warm-up each: disk cache, not JIT
for i in $(seq "$n"); do
  time_ms dotnet "$empty" >> "$out/empty"
  time_ms dotnet "$assess" run --format json -o "$out/r.json" >> "$out/assess"
  time_ms dotnet "$assess" run >> "$out/text"
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
e=$(median "$out/empty"); a=$(median "$out/assess"); t=$(median "$out/text")
echo "tom konsol:                 median ${e} ms"
echo "assess run (json, -o):      median ${a} ms"
echo "assess run (text):          median ${t} ms"
awk -v a="$a" -v e="$e" -v t="$t" 'BEGIN { printf "kvot assess/tom: %.2f× (json), %.2f× (text); mål ≤ 2×\n", a/e, t/e }'
