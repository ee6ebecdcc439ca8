#!/usr/bin/env bash
# Start-up cost of the command-line library: assess's command surface on System.CommandLine and on
# ConsoleAppFramework (bench/CliLibraries/), and an empty console program, all published the same way
# (ReadyToRun, linux-x64); `run --format json` and `--help` of each, run alternately N times after a warm-up.
# Prints medians of wall time (ms) and the pair-by-pair ratio. Usage: bench/cli-libraries.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-15}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for p in CliLibraries/WithSystemCommandLine CliLibraries/WithConsoleAppFramework EmptyConsole; do
  dotnet publish "bench/$p" -c Release -r linux-x64 -p:PublishReadyToRun=true -o "$out/$(basename "$p")" >/dev/null
done
sc="$out/WithSystemCommandLine/WithSystemCommandLine"; caf="$out/WithConsoleAppFramework/WithConsoleAppFramework"; empty="$out/EmptyConsole/EmptyConsole"

time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

"$sc" --help >/dev/null; "$caf" --help >/dev/null; "$empty"   # one warm-up each: disk cache
for i in $(seq "$n"); do
  e=$(time_ms "$empty"); s=$(time_ms "$sc" run --format json); c=$(time_ms "$caf" run --format json)
  sh=$(time_ms "$sc" --help); ch=$(time_ms "$caf" --help)
  echo "$e" >> "$out/empty"; echo "$s" >> "$out/sc"; echo "$c" >> "$out/caf"; echo "$sh" >> "$out/sch"; echo "$ch" >> "$out/cafh"
  awk -v a="$s" -v b="$c" 'BEGIN { printf "%.4f\n", a / b }' >> "$out/run-ratio"
  awk -v a="$sh" -v b="$ch" 'BEGIN { printf "%.4f\n", a / b }' >> "$out/help-ratio"
done
echo "tom konsol:                           median $(median "$out/empty") ms"
echo "System.CommandLine run --format json: median $(median "$out/sc") ms"
echo "ConsoleAppFramework run --format json: median $(median "$out/caf") ms"
echo "System.CommandLine --help:            median $(median "$out/sch") ms"
echo "ConsoleAppFramework --help:           median $(median "$out/cafh") ms"
echo "kvot SCL/CAF par för par: run $(median "$out/run-ratio")×, --help $(median "$out/help-ratio")×"
