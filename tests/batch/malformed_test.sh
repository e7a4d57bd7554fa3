#!/usr/bin/env bash
# The malformed corpus (scripts/make_malformed.py) through `kehoach batch`:
# every case gives the result it should or a clear error record, within the
# per-document limits, and the batch completes.  An encrypted plan is read
# once without and once with --password.  Prints a table of what each gave.
#   malformed_test.sh KEHOACH SOURCE_DIR
set -u
BIN=$1; SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
python3 "$SRC/scripts/make_malformed.py" "$T/in" || { echo "FAIL: make_malformed.py"; exit 1; }
TIMEOUT=120; MEMORY=1024
"$BIN" batch "$T/in" -o "$T/out" -j 2 --timeout $TIMEOUT --memory-limit $MEMORY 2> "$T/stderr"
rc=$?
cat "$T/stderr"
[ "$rc" -eq 2 ] || { echo "FAIL: batch exit $rc, want 2 (some documents failed)"; fail=1; }
mkdir -p "$T/enc" && cp "$T/in/encrypted.pdf" "$T/enc/"
"$BIN" batch "$T/enc" -o "$T/out_password" --password malformed --timeout $TIMEOUT --memory-limit $MEMORY 2> "$T/stderr2"
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: batch --password exit $rc: $(cat "$T/stderr2")"; fail=1; }

python3 - "$T" "$SRC" $TIMEOUT $MEMORY <<'PY' || fail=1
import json, os, sys
t, src, timeout, memory = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
bad = []

def load(out):
    res = {os.path.basename(r["file"]): r for r in map(json.loads, open(f"{t}/{out}/results.jsonl"))}
    err = {os.path.basename(r["file"]): r for r in map(json.loads, open(f"{t}/{out}/errors.jsonl"))}
    return res, err

res, err = load("out")
files = sorted(os.listdir(f"{t}/in"))
if sorted(list(res) + list(err)) != files:
    bad.append(f"the batch did not finish every file: {sorted(set(files) - set(res) - set(err))}")
if set(res) & set(err):
    bad.append(f"both read and failed: {sorted(set(res) & set(err))}")

def plan(name, out="out"):
    r = (res if out == "out" else load(out)[0])[name]
    return json.load(open(f"{t}/{out}/{r['json']}", encoding="utf-8"))

def numbers(p):
    return sorted(r["number"] for r in p["legal_references"])

def diag(p):
    return {d["code"] for d in p["diagnostics"]}

NUMBER = "12/KH-UBND"
corpus_number = json.load(open(f"{src}/corpus/004_cantho_2025.expected.json"))["document"]["number"]
# name -> ("error", words the reason must hold) or ("result", check(plan) -> problem or "")
cases = {
    "zero_bytes.pdf": ("error", "empty file"),
    "truncated_10.pdf": ("error", "damaged PDF"),
    "truncated_50.pdf": ("error", "damaged PDF"),
    "truncated_90.pdf": ("error", "damaged PDF"),
    "truncated_99.pdf": ("error", "damaged PDF"),
    "truncated_at_startxref.pdf": ("result", lambda p: "" if p["document"]["number"] == corpus_number and p["source"]["pages"] == 2 else "not the plan"),
    "not_a_pdf_text.pdf": ("error", "not a PDF"),
    "not_a_pdf_html.pdf": ("error", "not a PDF"),
    "not_a_pdf_png.pdf": ("error", "not a PDF"),
    "wrong_header.pdf": ("error", "not a PDF"),
    "late_header.pdf": ("error", "not a PDF"),
    "encrypted.pdf": ("error", "password is needed"),
    # Poppler notices the loop; the one real page is read.
    "page_tree_loop.pdf": ("result", lambda p: "" if p["document"]["number"] == NUMBER else "the page was not read"),
    "page_parent_loop.pdf": ("result", lambda p: "" if p["document"]["number"] == NUMBER else "the page was not read"),
    # Poppler gives up the nested object at its depth limit: no crash, no
    # stack overflow; the page's regular-font text is still read.
    "deep_nesting.pdf": ("result", lambda p: "" if p["source"]["pages"] == 1 else "no page"),
    "corrupt_stream.pdf": ("result", lambda p: "" if "no_text_layer" in diag(p) else "no no_text_layer diagnostic"),
    "pages_1000.pdf": ("result", lambda p: check_1000(p)),
    # Poppler keeps the first 50 000 characters under 3 pt of a page.
    "tiny_words.pdf": ("result", lambda p: "" if p["source"]["pages"] == 1 else "no page"),
    "only_spaces.pdf": ("result", lambda p: "" if "no_text_layer" in diag(p) and not p["legal_references"] and not p["targets"] else "found something in nothing"),
    "one_paragraph.pdf": ("result", lambda p: check_paragraph(p)),
    "one_line.pdf": ("result", lambda p: "" if p["document"]["number"] == NUMBER and "77/QĐ-UBND" in numbers(p) else "line not read"),
}

def check_1000(p):
    if p["source"]["pages"] != 1000:
        return f"{p['source']['pages']} pages"
    if p["document"]["number"] != NUMBER:
        return f"number {p['document']['number']}"
    # Page k cites k/QĐ-UBND (and only page k), and sets k mod 100 + 1 percent.
    pages = {r["number"]: [m["page"] for m in r["mentions"]] for r in p["legal_references"]}
    want = {f"{k}/QĐ-UBND": [k] for k in range(1, 1001)}
    if pages != want:
        wrong = [n for n in want if pages.get(n) != want[n]][:3]
        return f"{len(pages)} references; wrong or missing: {wrong}"
    got = sorted((t["page"], t["value"]) for t in p["targets"])
    if got != [(k, k % 100 + 1) for k in range(1, 1001)]:
        return f"{len(got)} targets, not one per page with its value"
    return ""

def check_paragraph(p):
    nums = {r["number"] for r in p["legal_references"]}
    want = {f"{k}/QĐ-UBND" for k in range(101, 501)}
    vals = sorted(t["value"] for t in p["targets"])
    if nums != want:
        return f"references missing: {sorted(want - nums)[:5]}"
    if vals != sorted(k % 50 + 50 for k in range(1, 401)):
        return f"{len(vals)} targets, want 400"
    return ""

print(f"{'case':28} {'gave':7} {'s':>6} {'MB':>6}  what")
for name in files:
    want = cases.get(name)
    if want is None:
        bad.append(f"{name}: no expectation written for this case")
        continue
    kind, check = want
    if name in res:
        r = res[name]
        p = plan(name)
        problem = check(p) if kind == "result" else "read, but should have failed"
        what = f"{r['pages']} pages, {r['legal_references']} references, {r['targets']} targets, number {r['number']}"
        sec, mb = r["seconds"], r["max_rss_mb"]
        if sec > timeout or mb > memory:
            problem = problem or f"over the limits: {sec} s, {mb} MB"
    else:
        e = err[name]
        what = f"{e['stage']}: {e['reason']}"
        sec, mb = e.get("seconds", 0), e.get("max_rss_mb", 0)
        problem = "" if kind == "error" and check in e["reason"] else f"failed, want {'an error saying ' + repr(check) if kind == 'error' else 'a result'}"
        if "\n" in e["reason"]:
            problem = "a reason of more than one line"
    print(f"{name:28} {'result' if name in res else 'error':7} {sec or 0:6.2f} {mb or 0:6.1f}  {what[:110]}")
    if problem:
        bad.append(f"{name}: {problem}")

# With the password the encrypted plan is read.
p = plan("encrypted.pdf", "out_password")
if p["document"]["number"] != NUMBER or numbers(p) != ["1234/QĐ-UBND"] or sorted(t["value"] for t in p["targets"]) != [90, 98]:
    bad.append(f"encrypted.pdf with --password: {p['document']['number']}, {numbers(p)}, {len(p['targets'])} targets")
else:
    print(f"{'encrypted.pdf --password':28} result  the plan: {NUMBER}, 1234/QĐ-UBND, targets 98% and 90%")
# Nothing half-written: every JSON whole, no temporary file.
for out in ("out", "out_password"):
    for d in (f"{t}/{out}", f"{t}/{out}/json"):
        temps = [f for f in os.listdir(d) if f.startswith(".") and f != ".lock"]
        if temps:
            bad.append(f"temporary files left in {d}: {temps}")
for b in bad:
    print("FAIL", b)
sys.exit(1 if bad else 0)
PY
[ $fail -eq 0 ] && echo "malformed corpus: all passed"
exit $fail
