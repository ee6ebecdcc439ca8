#!/usr/bin/env bash
# Instructions of one cold command, counted by valgrind (callgrind): unlike time, the count does not depend on what
# else the machine is doing, so two builds can be compared on a shared machine. Each PROGRAM is copied alone into a
# temporary folder first (valgrind cannot read the .dbg file NativeAOT writes beside it) and run from the
# repository root with the words given after --.
# Usage: bench/instructions.sh PROGRAM [PROGRAM …] [-- WORDS …]     (default words: run)
#   e.g. bench/instructions.sh base/assess ut/assess/assess bench/empty/EmptyConsole
set -euo pipefail
cd "$(dirname "$0")/.."
programs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do programs+=("$(realpath "$1")"); shift; done
[ "${1:-}" = "--" ] && shift
words=("$@"); [ ${#words[@]} -eq 0 ] && words=(run)
[ ${#programs[@]} -gt 0 ] || { echo "användning: bench/instructions.sh PROGRAM [PROGRAM …] [-- ORD …]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind saknas" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for program in "${programs[@]}"; do
  rm -f "$work"/*
  cp "$program" "$work/program"
  # A command the lean assess hands over to assess-full runs (the companion is copied too), but valgrind counts
  # only up to the hand-over (exec): measure such a command on assess-full itself.
  [ -f "$(dirname "$program")/assess-full" ] && cp "$(dirname "$program")/assess-full" "$work/assess-full"
  status=0
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$work/program" "${words[@]}" >/dev/null 2>"$work/err" || status=$?
  printf '%14s instruktioner  slutkod %s  %s %s\n' "$(grep -o 'Collected : [0-9]*' "$work/err" | awk '{print $3}')" "$status" "$program" "${words[*]}"
done
