#!/usr/bin/env bash
# The main job on the bundled corpus: every corpus/*.pdf -> out/NAME.json,
# then the auditors' comparison of those plans -> out/compare/compare.{csv,xlsx,html}.
# One bad file does not stop the others; the exit status says if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
status=0
for pdf in corpus/*.pdf; do
  name=$(basename "$pdf" .pdf)
  if ./build/kehoach extract "$pdf" -o "out/$name.json"; then
    echo "ok   $pdf -> out/$name.json"
  else
    status=1
  fi
done
./build/kehoach compare out/*.json -o out/compare || status=1
exit $status
