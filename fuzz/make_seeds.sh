#!/usr/bin/env bash
# Seed corpora for the fuzz targets, made from the repository's own corpus:
#   fuzz/make_seeds.sh BUILD_DIR OUT_DIR
# OUT_DIR/normalizer, OUT_DIR/rules   the corpus plans' text (kehoach text),
#                                     40 lines a seed, and the legacy transcripts
# OUT_DIR/tables                      the corpus plans' pages (fuzz/dump_pages),
#                                     one and two pages a seed
# OUT_DIR/pdf                         the smallest corpus PDFs and the malformed
#                                     corpus (scripts/make_malformed.py --small)
# Nothing is downloaded; the seeds are rebuilt from scratch each time.
set -euo pipefail
BUILD=$1; OUT=$2
SRC=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"/{normalizer,rules,tables,pdf}
for f in "$SRC"/corpus/*.pdf; do
  name=$(basename "$f" .pdf)
  OMP_THREAD_LIMIT=1 "$BUILD/kehoach" text --ocr never "$f" > "$OUT/$name.txt"
  split -l 40 -d -a 3 "$OUT/$name.txt" "$OUT/rules/$name."
  rm "$OUT/$name.txt"
  "$BUILD/fuzz/dump_pages" "$f" | tail -n +2 > "$OUT/$name.dump"
  # One seed per page, and one per pair of pages (tables cross page breaks).
  awk -v out="$OUT/tables/$name" '/^P /{n++} {print > sprintf("%s.p%03d", out, n)}' "$OUT/$name.dump"
  prev=""
  for page in "$OUT/tables/$name".p*; do
    [ -n "$prev" ] && cat "$prev" "$page" > "${page/.p/.pp}"
    prev=$page
  done
  rm "$OUT/$name.dump"
done
for f in "$SRC"/corpus/legacy/*.txt; do
  split -l 40 -d -a 3 "$f" "$OUT/rules/legacy.$(basename "$f" .txt)."
done
cp "$OUT"/rules/* "$OUT/normalizer/"
ls -S "$SRC"/corpus/*.pdf | tail -n 2 | xargs -I{} cp {} "$OUT/pdf/"
python3 "$SRC/scripts/make_malformed.py" --small "$OUT/pdf"
echo "seeds: $(for d in normalizer rules tables pdf; do printf '%s %s  ' "$d" "$(ls "$OUT/$d" | wc -l)"; done)"
