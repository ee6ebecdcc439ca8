#!/usr/bin/env bash
# What the templates cost a run: `assess run --format json` (templates loaded, checked and rendered) against
# `assess run` (text, no templates) on the sample, whole processes, from the repository root. N rounds after a
# warm-up, each round running json then text (A B A B …); prints the medians of wall and CPU time (user + sys
# of the process, bash's `time`) and the median of the round-by-round ratios. With BASE (another published
# `assess`, e.g. main's) each round also runs BASE's json, and the ratio json / BASE json is printed.
# Then the instructions each run executes, which do not depend on the machine's load: perf's instructions:u
# counter where the machine has one, else valgrind's callgrind (one run each; slow, about a minute a run).
# Usage: [ASSESS=path/to/assess] [BASE=path/to/assess] bench/templates.sh [N]
#   without ASSESS the working tree is published first (dotnet publish src/Assessment.Cli -c Release -r linux-x64)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-15}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "${ASSESS:-}" ]; then
  dotnet publish src/Assessment.Cli -c Release -r linux-x64 -o "$tmp/assess" >/dev/null
  ASSESS="$tmp/assess/assess"
fi

# One run of "$@", its "wall cpu" in milliseconds appended to file $1.
timed() {
  local file="$1" TIMEFORMAT='%3R %3U %3S'; shift
  { time "$@" >/dev/null 2>&1; } 2> "$tmp/t"
  awk '{ printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000 }' "$tmp/t" >> "$tmp/$file"
}
json=("$ASSESS" run --format json)
text=("$ASSESS" run)
base=()
[ -n "${BASE:-}" ] && base=("$BASE" run --format json)

"${json[@]}" >/dev/null; "${text[@]}" >/dev/null; [ ${#base[@]} -eq 0 ] || "${base[@]}" >/dev/null
for _ in $(seq "$n"); do
  timed json "${json[@]}"
  timed text "${text[@]}"
  [ ${#base[@]} -eq 0 ] || timed base "${base[@]}"
done

# Medians of column $2 of file $1, and of the row-by-row ratio of file $1 to file $3 in column $2.
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
col() { awk -v c="$2" '{ print $c }' "$tmp/$1" | median; }
per_round() { paste -d' ' "$tmp/$1" "$tmp/$3" | awk -v c="$2" '{ printf "%.3f\n", $c / $(c + 2) }' | median; }
echo "$n rundor, medianer (ms) och kvoter par för par:"
echo "  run --format json: $(col json 1) vägg, $(col json 2) cpu   run (text): $(col text 1) vägg, $(col text 2) cpu"
echo "  json / text: $(per_round json 1 text)× vägg, $(per_round json 2 text)× cpu"
if [ ${#base[@]} -gt 0 ]; then
  echo "  BASE run --format json: $(col base 1) vägg, $(col base 2) cpu;  json / BASE json: $(per_round json 1 base)× vägg, $(per_round json 2 base)× cpu"
fi

# Instructions executed by one run of "$@".
instructions() {
  if perf stat -x, -e instructions:u -o "$tmp/perf" "$@" >/dev/null 2>&1 && grep -q '^[0-9]' "$tmp/perf"; then
    grep '^[0-9]' "$tmp/perf" | cut -d, -f1
  elif command -v valgrind >/dev/null; then
    # valgrind cannot read NativeAOT's separate debug file: the program is run from a copy without it
    mkdir -p "$tmp/bare"; cp "$1" "$tmp/bare/assess"; shift
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$tmp/bare/assess" "$@" >/dev/null 2>"$tmp/vg"
    sed -n 's/.*Collected : //p' "$tmp/vg"
  else
    echo "?"
  fi
}
echo "instruktioner (en körning var):"
ij="$(instructions "${json[@]}")"; it="$(instructions "${text[@]}")"
echo "  run --format json: $ij   run (text): $it   json / text: $(awk -v a="$ij" -v b="$it" 'BEGIN { printf "%.2f", a / b }')×"
if [ ${#base[@]} -gt 0 ]; then
  ib="$(instructions "${base[@]}")"
  echo "  BASE run --format json: $ib   json / BASE json: $(awk -v a="$ij" -v b="$ib" 'BEGIN { printf "%.2f", a / b }')×"
fi
