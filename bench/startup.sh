#!/usr/bin/env bash
# Cold start of `assess run` on the sample (text, from the repository root) against an empty console program
# published the same way, for the ways the README publishes: NativeAOT (the default) and ReadyToRun
# (-p:PublishAot=false). Whole processes timed by bash (wall to the microsecond, and CPU = user + sys of the process), one
# warm-up each, then N rounds, each round running the programs one after the other (A B A B …); prints the
# medians and the median of the round-by-round ratios.
# Usage: bench/startup.sh [N] [native|r2r|both]   (default 15 rounds, both)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-15}"
kinds=(native r2r)
case "${2:-both}" in
  native) kinds=(native) ;;
  r2r) kinds=(r2r) ;;
  both) ;;
  *) echo "användning: bench/startup.sh [N] [native|r2r|both]" >&2; exit 2 ;;
esac
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for kind in "${kinds[@]}"; do
  flag=(); [ "$kind" = r2r ] && flag=(-p:PublishAot=false)
  # `assess` alone: `assess-full`, published beside it by default, plays no part in `run` (README, Kom igång).
  dotnet publish src/Assessment.Cli -c Release -r linux-x64 "${flag[@]}" -p:PublishFull=false -o "$out/$kind-assess" >/dev/null
  dotnet publish bench/EmptyConsole -c Release -r linux-x64 "${flag[@]}" -o "$out/$kind-empty" >/dev/null
done

# One run: "wall cpu" in microseconds: wall from bash's clock to the microsecond ($EPOCHREALTIME, read just before
# the program starts and just after it ends), CPU = user + sys of the child from bash's `time`, to the millisecond.
measure() {
  local TIMEFORMAT='%3U %3S' start end
  start=$EPOCHREALTIME
  { time "$@" >/dev/null 2>&1; } 2> "$out/time"
  end=$EPOCHREALTIME
  awk -v start="$start" -v end="$end" '{ printf "%d %d\n", (end - start) * 1e6, ($1 + $2) * 1e6 }' "$out/time"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b > 0 ? a / b : 0) }'; }

for kind in "${kinds[@]}"; do "$out/$kind-empty/EmptyConsole"; "$out/$kind-assess/assess" run >/dev/null; done
for i in $(seq "$n"); do
  for kind in "${kinds[@]}"; do
    read -r ew ec < <(measure "$out/$kind-empty/EmptyConsole")
    read -r aw ac < <(measure "$out/$kind-assess/assess" run)
    echo "$ew" >> "$out/$kind.empty.wall"; echo "$ec" >> "$out/$kind.empty.cpu"
    echo "$aw" >> "$out/$kind.assess.wall"; echo "$ac" >> "$out/$kind.assess.cpu"
    ratio "$aw" "$ew" >> "$out/$kind.ratio.wall"; ratio "$ac" "$ec" >> "$out/$kind.ratio.cpu"
  done
  if [ "${#kinds[@]}" = 2 ]; then
    ratio "$(tail -1 "$out/native.assess.wall")" "$(tail -1 "$out/r2r.assess.wall")" >> "$out/native-r2r.ratio"
  fi
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { median "$1" | awk '{printf "%.1f", $1/1000}'; }
echo "(cpu = user + sys i hela millisekunder: för den tomma konsolen grovt; läs kvoterna över många rundor)"
for kind in "${kinds[@]}"; do
  printf '%-7s tom konsol: median %5s ms vägg, %5s ms cpu   assess run: median %5s ms vägg, %5s ms cpu   kvot par för par: %s× vägg, %s× cpu (mål ≤ 2×)\n' \
    "$kind" "$(ms "$out/$kind.empty.wall")" "$(ms "$out/$kind.empty.cpu")" "$(ms "$out/$kind.assess.wall")" "$(ms "$out/$kind.assess.cpu")" \
    "$(median "$out/$kind.ratio.wall")" "$(median "$out/$kind.ratio.cpu")"
done
if [ "${#kinds[@]}" = 2 ]; then echo "assess run native / ReadyToRun, par för par (vägg): $(median "$out/native-r2r.ratio")×"; fi
