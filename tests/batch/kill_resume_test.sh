#!/usr/bin/env bash
# A batch killed with SIGKILL at random moments, again and again, then run to
# the end, holds every document exactly once in results.jsonl (and every
# broken one once in errors.jsonl), every JSON whole and matching its record,
# no temporary file, and no worker left alive.
#   kill_resume_test.sh KEHOACH SOURCE_DIR [KILLS]
set -u
BIN=$1; SRC=$2; KILLS=${3:-6}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
# 120 distinct documents: the corpus PDFs, each copy made distinct by a
# comment after %%EOF (a different sha256, the same plan).
mkdir -p "$T/in"
n=0
for i in $(seq 1 20); do
  for f in "$SRC"/corpus/*.pdf; do
    n=$((n + 1))
    out="$T/in/$(basename "$f" .pdf)-$i.pdf"
    cp "$f" "$out"
    printf '%% copy %d\n' "$i" >> "$out"
  done
done
want=$(ls "$T/in" | wc -l)
# And broken ones, whose error records must come out exactly once too.
: > "$T/in/0-empty.pdf"
printf 'not a pdf\n' > "$T/in/0-notes.pdf"
head -c 5000 "$SRC/corpus/001_camau_2023.pdf" > "$T/in/0-truncated.pdf"
bad_want=3

RANDOM=42
midway=0
base=20     # ms; doubled after a kill that landed before any new record (a slow machine)
last=0
# KILLS kills, and more (up to 8) while fewer than two landed mid-run: on a
# slow machine (a sanitizer build, both cores busy) the first record may come
# only after seconds, and the back-off needs a few kills to get there.
for k in $(seq 1 $((KILLS + 8))); do
  [ "$k" -gt "$KILLS" ] && [ "$midway" -ge 2 ] && break
  setsid "$BIN" batch "$T/in" -o "$T/out" -j 2 --db "$T/plans.sqlite" 2>/dev/null &
  pid=$!
  # base..base+180 ms into the run: before the first record, or in the middle.
  ms=$((base + RANDOM % 180))
  sleep "$((ms / 1000)).$(printf "%03d" $((ms % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # The workers die with the batch (PR_SET_PDEATHSIG).
  for _ in $(seq 1 50); do pgrep -s "$pid" >/dev/null || break; sleep 0.1; done
  if pgrep -s "$pid" >/dev/null; then echo "FAIL kill $k: workers outlived the batch"; fail=1; fi
  have=$( [ -f "$T/out/results.jsonl" ] && wc -l < "$T/out/results.jsonl" || echo 0)
  echo "kill $k after $ms ms: $have of $want recorded"
  [ "$have" -le "$last" ] && [ "$base" -lt 20000 ] && base=$((base * 2))
  last=$have
  [ "$have" -gt 0 ] && [ "$have" -lt "$want" ] && midway=$((midway + 1))
done
# The test means something only if kills landed mid-run.
if [ "$midway" -lt 2 ]; then echo "FAIL: only $midway kills landed mid-run"; fail=1; fi
"$BIN" batch "$T/in" -o "$T/out" -j 2 --db "$T/plans.sqlite" 2> "$T/last.err"
rc=$?
# 0, or 2 when this last run is the one that met the broken files.
{ [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ]; } || { echo "FAIL final run: exit $rc: $(cat "$T/last.err")"; fail=1; }
cat "$T/last.err"

python3 - "$T" "$want" "$bad_want" <<'PY' || fail=1
import json, os, sqlite3, sys
t, want, bad_want = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
out = os.path.join(t, "out")
bad = []
lines = open(os.path.join(out, "results.jsonl"), encoding="utf-8").read().split("\n")
if lines[-1] != "":
    bad.append("results.jsonl does not end in a newline")
recs = [json.loads(l) for l in lines if l]
shas = [r["sha256"] for r in recs]
if len(shas) != want or len(set(shas)) != want:
    bad.append(f"{len(shas)} records, {len(set(shas))} distinct, want {want} once each")
if [r["file"] for r in recs] != sorted(r["file"] for r in recs):
    bad.append("results.jsonl not in path order")
elines = open(os.path.join(out, "errors.jsonl"), encoding="utf-8").read().split("\n")
if elines[-1] != "":
    bad.append("errors.jsonl does not end in a newline")
errs = sorted(os.path.basename(json.loads(l)["file"]) for l in elines if l)
if errs != ["0-empty.pdf", "0-notes.pdf", "0-truncated.pdf"]:
    bad.append(f"errors: {errs}, want each broken file once")
for r in recs:
    p = os.path.join(out, r["json"])
    data = open(p, "rb").read()
    if len(data) != r["json_bytes"]:
        bad.append(f"{p}: {len(data)} bytes, record says {r['json_bytes']}")
    plan = json.loads(data)
    if plan["source"]["sha256"] != r["sha256"]:
        bad.append(f"{p}: another document's JSON")
jsons = sorted(os.listdir(os.path.join(out, "json")))
if len(jsons) != want:
    bad.append(f"{len(jsons)} files in json/, want {want}: {[j for j in jsons if j.startswith('.')][:3]}")
temps = [f for d in (out, os.path.join(out, "json")) for f in os.listdir(d) if f.startswith(".") and f != ".lock"]
if temps:
    bad.append(f"temporary files left: {temps[:3]}")
db = sqlite3.connect(os.path.join(t, "plans.sqlite"))
n, = db.execute("SELECT count(*) FROM documents").fetchone()
d, = db.execute("SELECT count(DISTINCT sha256) FROM documents").fetchone()
if n != want or d != want:
    bad.append(f"database: {n} documents ({d} distinct), want {want}")
tasks, = db.execute("SELECT count(*) FROM tasks").fetchone()
per_plan = sum(r["tasks"] for r in recs)
if tasks != per_plan:
    bad.append(f"database: {tasks} tasks, the JSONs have {per_plan}")
for b in bad:
    print("FAIL", b)
print(f"checked {len(recs)} records, {len(jsons)} JSONs, {n} database documents, {tasks} tasks")
sys.exit(1 if bad else 0)
PY
[ $fail -eq 0 ] && echo "kill and resume: all passed"
exit $fail
