#!/usr/bin/env bash
# The workbench (assess serve), measured from outside as a browser would meet it, over loopback:
#  - start: from starting the process (Release build, `dotnet assess.dll serve`) to the first page answered (GET /),
#    N times, median;
#  - what-if: POST /api/what-if with a new delvis_grans value each time (N requests after 5 warm-ups, median of
#    curl's time_total), over the bundled examples/ and over a city of 13 districts × 3 periods (the three imported
#    reports copied under 13 district names into a temporary folder).
# Usage: bench/serve.sh [N]   (default 15)
#        bench/serve.sh --once   one start to the first page, nothing built (for timing the whole process from outside)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-15}"
# ASSESS: the command to run, e.g. a published build (dotnet publish src/Assessment.Cli -c Release -r linux-x64 -o ut/assess;
# ASSESS=ut/assess/assess); by default the Release build, started with dotnet.
if [ -z "${ASSESS:-}" ]; then
  ASSESS="dotnet src/Assessment.Cli/bin/Release/net10.0/assess.dll"
  [ "$n" = "--once" ] || dotnet build -c Release src/Assessment.Cli >/dev/null
fi
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Starts the workbench on a free port over folder $1; sets pid and url.
start() {
  : > "$work/out"
  $ASSESS serve "$1" --port 0 --log "$work/logg.jsonl" > "$work/out" 2>&1 &
  pid=$!
  url=""
  until [ -n "$url" ]; do url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/out" || true); sleep 0.02; done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

if [ "$n" = "--once" ]; then
  start examples
  until curl -fs -o /dev/null "$url"; do sleep 0.02; done
  stop
  exit 0
fi

# A city: 13 districts × 3 periods.
mkdir -p "$work/stad"
for d in Rinkeby-Kista Spånga-Tensta Hässelby-Vällingby Bromma Kungsholmen Norrmalm Östermalm Södermalm \
         Enskede-Årsta-Vantör Skarpnäck Farsta Älvsjö Hägersten-Liljeholmen; do
  for f in examples/importerade/*.yaml; do
    sed "s/^namnd: .*/namnd: \"$d stadsdelsnämnd\"/" "$f" > "$work/stad/$d-$(basename "$f")"
  done
done

echo "Start till första sidan ($n gånger):"
for i in $(seq "$n"); do
  s=$(date +%s%N)
  start examples
  until curl -fs -o /dev/null "$url"; do sleep 0.02; done
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 )) >> "$work/start"
  stop
done
echo "  median $(median < "$work/start") ms (min $(sort -n "$work/start" | head -1), max $(sort -n "$work/start" | tail -1))"

whatif() {
  start "$1"
  until curl -fs -o /dev/null "$url"; do sleep 0.01; done
  : > "$work/times"
  for i in $(seq $((n + 5))); do
    v=$(awk -v i="$i" 'BEGIN { printf "%.3f", 0.70 + (i % 25) * 0.01 }')
    t=$(curl -fs -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
          -d "{\"thresholds\":{\"delvis_grans\":$v}}" "${url}api/what-if")
    [ "$i" -gt 5 ] && awk -v t="$t" 'BEGIN { printf "%.2f\n", t * 1000 }' >> "$work/times"
  done
  stop
  echo "  median $(median < "$work/times") ms per anrop (min $(sort -n "$work/times" | head -1), max $(sort -n "$work/times" | tail -1))"
}
echo "Vad händer om, de medföljande exemplen ($(find examples -name '*.yaml' | wc -l) dataset), $n anrop:"
whatif examples
echo "Vad händer om, staden ($(ls "$work/stad" | wc -l) dataset), $n anrop:"
whatif "$work/stad"
