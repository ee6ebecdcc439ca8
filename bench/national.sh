#!/usr/bin/env bash
# National scale end to end from files (issue 11, item 5): `assess backtest` over 2 900 generated dataset files
# (298 700 indicators, 113 MiB), published as the README says (NativeAOT), as whole processes: N runs after a
# warm-up; prints the medians of wall and CPU time (user + sys) and peak memory, and the wall median against the
# 5 s target. With BASE=another/assess the two run alternately (A B A B …) and the ratios are taken pair by pair.
# Usage: bench/national.sh [N]
#   DIR=folder     where the datasets are (DIR/nationellt), written there first if missing (standard: a folder under $TMPDIR)
#   ASSESS=assess  a published assess to measure instead of publishing this tree
#   BASE=assess    a published assess to alternate with (e.g. one built from main)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5}"
dir="${DIR:-${TMPDIR:-/tmp}/assess-national}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if [ "$(find "$dir/nationellt" -name '*.yaml' 2>/dev/null | wc -l)" -lt 2900 ]; then
  echo "skriver 2 900 dataset i $dir/nationellt …" >&2
  dotnet run -c Release --project bench/Assessment.Benchmark -- files --dir "$dir" --repeat 1 >&2
fi
assess="${ASSESS:-}"
if [ -z "$assess" ]; then
  echo "publicerar assess …" >&2
  dotnet publish src/Assessment.Cli -c Release -r linux-x64 -o "$out/assess" >/dev/null
  assess="$out/assess/assess"
fi
base="${BASE:-}"

# One run: wall, user and sys seconds and peak memory (KiB) as GNU time counts them, appended to $2.
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$out/one" "$1" backtest "$dir/nationellt" >/dev/null 2>"$out/stderr" || {
    echo "$1 backtest misslyckades:" >&2; cat "$out/stderr" >&2; exit 1; }
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$out/one" >> "$2"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
column_median() { awk -v c="$2" '{ print $c }' "$1" | median; }

measure "$assess" /dev/null
if [ -n "$base" ]; then measure "$base" /dev/null; fi
for _ in $(seq "$n"); do
  measure "$assess" "$out/a"
  if [ -n "$base" ]; then measure "$base" "$out/b"; fi
done

report() {
  printf '%-6s wall %6.2f s   cpu %6.2f s (%.2f kärnor)   topp %5d MiB\n' "$1" \
    "$(column_median "$2" 1)" "$(column_median "$2" 2)" \
    "$(awk '{ print $2 / $1 }' "$2" | median)" "$(( $(column_median "$2" 3) / 1024 ))"
}
echo "assess backtest över $(find "$dir/nationellt" -name '*.yaml' | wc -l) filer, $n körningar, medianer; belastning: $(cut -d' ' -f1-3 /proc/loadavg)"
report "A" "$out/a"
awk -v w="$(column_median "$out/a" 1)" 'BEGIN { printf "A: wall / 5 s = %.2f× (mål ≤ 1)\n", w / 5 }'
if [ -n "$base" ]; then
  report "B" "$out/b"
  paste "$out/a" "$out/b" | awk '{ print $1 / $4 }' > "$out/wall"
  paste "$out/a" "$out/b" | awk '{ print $2 / $5 }' > "$out/cpu"
  echo "A/B par för par: wall $(median < "$out/wall")×, cpu $(median < "$out/cpu")×"
fi
