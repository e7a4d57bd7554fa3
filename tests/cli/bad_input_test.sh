#!/usr/bin/env bash
# Bad input through the CLI: exit status 2, exactly one line on stderr of the
# form "kehoach: FILE: reason", and no output file left behind.
set -u
BIN=$1; SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
: > "$T/empty.pdf"
printf 'Kế hoạch cải cách hành chính\n' > "$T/notpdf.pdf"
head -c 3000 "$SRC/corpus/001_camau_2023.pdf" > "$T/truncated.pdf"
cp "$SRC/tests/data/encrypted_secret.pdf" "$T/encrypted.pdf"
for f in empty notpdf truncated encrypted missing; do
  "$BIN" extract "$T/$f.pdf" -o "$T/$f.json" 2> "$T/err"
  rc=$?
  lines=$(wc -l < "$T/err")
  if [ "$rc" -ne 2 ]; then echo "FAIL $f: exit $rc, want 2"; fail=1; fi
  if [ "$lines" -ne 1 ] || ! grep -q "^kehoach: $T/$f.pdf: ." "$T/err"; then echo "FAIL $f: stderr: $(cat "$T/err")"; fail=1; fi
  if ls "$T" | grep -q "$f.json"; then echo "FAIL $f: output file left behind"; fail=1; fi
  echo "ok $f: $(cat "$T/err")"
done
# The password opens it.
if ! "$BIN" extract "$T/encrypted.pdf" --password secret -o "$T/enc.json"; then echo "FAIL: password did not open"; fail=1; fi
grep -q '"number": "129/KH-SGDĐT"' "$T/enc.json" || { echo "FAIL: encrypted plan not read"; fail=1; }
# A good file among bad ones: the main job goes on and still writes it.
"$BIN" extract "$SRC/corpus/000_cantho_2026.pdf" -o "$T/good.json" || { echo "FAIL: good file"; fail=1; }
ls "$T"/.good.json.* >/dev/null 2>&1 && { echo "FAIL: temporary file left"; fail=1; }
[ $fail -eq 0 ] && echo "bad input: all passed"
exit $fail
