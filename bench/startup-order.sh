#!/usr/bin/env bash
# Writes src/startup.order: the managed methods that cold commands of the native `assess` run, one symbol name a
# line, grouped by the commands below (those of the first command first, each group sorted). The native publish (src/NativeProgram.props)
# hands the file to the native compiler, which lays those methods out side by side before the rest of the code, so a
# cold start touches a few dozen pages of code instead of some hundreds spread over 5 MB (BENCHMARKS.md, "Startup
# order"). Names the compiler does not find are skipped and methods not named keep their usual place after the named
# ones, so a stale file costs speed, never correctness; run this again after larger changes to what a command runs.
# How: a native `assess` is linked with its symbol table (NativeOutputPath in the work folder, so the build's own
# program is left as it is), its debugging sections are dropped (valgrind 3.19 cannot read NativeAOT's DWARF 5),
# and each command runs once under valgrind's callgrind, which names every function executed.
# Usage: bench/startup-order.sh        (needs valgrind and objcopy; about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in valgrind objcopy; do command -v "$tool" >/dev/null || { echo "$tool saknas" >&2; exit 2; }; done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet publish src/Assessment.Cli -c Release -r linux-x64 -p:PublishFull=false -p:StripSymbols=false \
  -p:NativeOutputPath="$work/native/" -o "$work/publish" >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
objcopy --strip-debug "$work/publish/assess" "$work/program"

# The commands, the most timed first (`run` on the sample is the cold start BENCHMARKS.md measures).
commands=(
  "run"
  "run --format json"
  "run --format md"
  "explain"
  "check"
  "validate"
  "test"
  "backtest"
  "--help"
)
: > "$work/startup.order"
for words in "${commands[@]}"; do
  # shellcheck disable=SC2086 # the words are split on purpose
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$work/program" $words >/dev/null 2>&1 || true
  [ -s "$work/out" ] || { echo "callgrind skrev inget för: assess $words" >&2; exit 1; }
  # "fn=(7) NAME" or "cfn=(7) NAME" (a callee named where it is first called): the functions the command ran. Only
  # managed methods are kept (the native compiler's names: two underscores inside, none in front, no spaces,
  # parentheses or C++ scopes; callgrind's mark of a recursive call, "'2", taken off), those no earlier command ran,
  # sorted (so that a new run of this script changes only what changed: callgrind's own order varies run to run).
  sed -n -E 's/^c?fn=\([0-9]+\) (.*)$/\1/p' "$work/out" \
    | awk '{ sub(/\047[0-9]+$/, "") } !/^_/ && /__/ && !/[ ()*&]/ && !/::/' \
    | LC_ALL=C sort -u > "$work/ran"
  LC_ALL=C sort "$work/startup.order" | LC_ALL=C comm -23 "$work/ran" - > "$work/new"
  cat "$work/new" >> "$work/startup.order"
  rm -f "$work/out" "$work/ran" "$work/new"
done
[ -s "$work/startup.order" ] || { echo "inga metoder hittades" >&2; exit 1; }
cp "$work/startup.order" src/startup.order
echo "src/startup.order: $(wc -l < src/startup.order) metoder"
