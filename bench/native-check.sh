#!/usr/bin/env bash
# Does the native `assess` (NativeAOT) do what the ordinary build does? Runs every command and format on
# the bundled inputs with both and compares standard output, standard error, exit code and every file
# written, byte for byte. Trimming can remove what a library finds by reflection only when it runs (Scriban's
# built-in functions were such a case), which no build warning shows: this is the check for it.
# Usage: bench/native-check.sh [NATIVE_ASSESS]    without an argument a native `assess` is published first
#        SEEDS=DIR   report texts to import (default: ../shared/seeds beside the checkout, as the tests use)
set -uo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
native="${1:-}"
if [ -z "$native" ]; then
  dotnet publish src/Assessment.Cli -c Release -r linux-x64 -o "$work/native" >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; exit 1; }
  native="$work/native/assess"
fi
dotnet build -c Release src/Assessment.Cli >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
managed=(dotnet src/Assessment.Cli/bin/Release/net10.0/assess.dll)
seeds="${SEEDS:-../shared/seeds}"
failed=0 count=0

# check NAME ARGS…: runs both with ARGS, where @OUT@ stands for the check's own folder and @SIDE@ for the
# folder of that side's earlier checks (to read what one of them wrote).
check() {
  local name="$1"; shift
  local side
  for side in native managed; do
    mkdir -p "$work/$side/$name"
    local args=("${@//@OUT@/$work/$side/$name}")
    args=("${args[@]//@SIDE@/$work/$side}")
    if [ "$side" = native ]; then "$native" "${args[@]}"; else "${managed[@]}" "${args[@]}"; fi \
      >"$work/$side/$name/stdout" 2>"$work/$side/$name/stderr"
    echo $? >"$work/$side/$name/exit"
    # A Word document names its relationships with random ids (in every build): its parts are compared.
    for docx in "$work/$side/$name"/*.docx; do
      [ -f "$docx" ] || continue
      unzip -q "$docx" -d "$docx.parts" && rm "$docx" && find "$docx.parts" -name '*.rels' -delete
    done
    # Messages and merged datasets name the files of each side's own folder; the decision log has the time.
    grep -rIl . "$work/$side/$name" | xargs sed -i -e "s|$work/$side/|WORK/|g" -e 's/"time":"[^"]*"/"time":"…"/'
  done
  count=$((count + 1))
  if diff -r "$work/native/$name" "$work/managed/$name" >"$work/$name.diff"; then
    echo "lika     $name"
  else
    failed=$((failed + 1)); echo "SKILJER  $name"; head -20 "$work/$name.diff"
  fi
}

for format in text json md html; do check "run-$format" run --format "$format"; done
check run-xlsx run --format xlsx -o @OUT@/resultat.xlsx
check run-docx run --format docx -o @OUT@/resultat.docx
check run-recorded-log run --format json --final recorded --log @OUT@/logg.jsonl
check explain-text explain 3.4
check explain-json explain 3.4 --format json
check check check
check validate validate
check test test
check diff diff --rules rules/stockholm.yaml --rules rules/stockholm.yaml
check backtest backtest examples/importerade --format json
check sweep-json sweep delvis_grans=0.80..0.95:0.01 examples/importerade --format json
check sweep-html sweep delvis_grans=0.80..0.95:0.05 --format html -o @OUT@/svep.html
check merge-xlsx merge examples/hasselby-vallingby-t1-2026.yaml @SIDE@/run-xlsx/resultat.xlsx -o @OUT@/dataset.yaml
if [ -d "$seeds" ]; then
  for seed in "$seeds"/*.txt; do
    base="$(basename "$seed" .txt)"
    check "import-$base" import "$seed" -o @OUT@/dataset.yaml --granska @OUT@/granska.xlsx
    check "merge-$base" merge "@SIDE@/import-$base/dataset.yaml" "@SIDE@/import-$base/granska.xlsx" -o @OUT@/dataset.yaml
  done
else
  echo "(inga rapporttexter i $seeds: import prövas inte)"
fi
check bad-input run examples/finns-inte.yaml

# The workbench: the native `assess serve` becomes `assess-full serve` (README, Kom igång); its first page is served.
count=$((count + 1))
"$native" serve examples --port 0 --log "$work/serve-logg.jsonl" >"$work/serve.out" 2>&1 &
serve=$!
address=""
for _ in $(seq 150); do
  address="$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.out" || true)"
  [ -n "$address" ] && break
  sleep 0.1
done
if [ -n "$address" ] && curl -fsS "$address" | grep -q "<title>"; then
  echo "lika     serve (första sidan svarar)"
else
  failed=$((failed + 1)); echo "SKILJER  serve"; cat "$work/serve.out"
fi
kill "$serve" 2>/dev/null; wait "$serve" 2>/dev/null
echo "$((count - failed)) av $count lika"
[ "$failed" -eq 0 ]
