#!/usr/bin/env bash
# kehoach compare over the corpus, as an auditor runs it: the CSV, the
# workbook and the HTML page exist, and their figures are the ones in the
# plans' JSON.  The page is opened in headless Chromium: it must render (a
# screenshot) and its DOM, as Chromium built it, must carry every figure.
set -eu
BIN=$1; SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
mkdir -p "$T/json"
for pdf in "$SRC"/corpus/*.pdf; do
  "$BIN" extract "$pdf" -o "$T/json/$(basename "$pdf" .pdf).json"
done
"$BIN" compare "$T/json" -o "$T/out"
for f in compare.csv compare.xlsx compare.html; do
  test -s "$T/out/$f" || { echo "FAIL: $f missing"; exit 1; }
done

# A bad input is one line and exit 2; the good ones are still compared.
echo '{"not": "a plan"}' > "$T/bad.json"
set +e
"$BIN" compare "$T/json/001_camau_2023.json" "$T/bad.json" -o "$T/out2" 2> "$T/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "FAIL: bad input exit $rc"; exit 1; }
[ "$(grep -c "bad.json" "$T/err")" -eq 1 ] || { echo "FAIL: no one-line error"; cat "$T/err"; exit 1; }
test -s "$T/out2/compare.csv" || { echo "FAIL: good input not compared"; exit 1; }

# Chromium: render, and dump the DOM it built.
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "FAIL: chromium not installed (scripts/setup.sh installs it)"; exit 1; }
export HOME="$T"  # chromium writes its profile under HOME
CHFLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$T/profile" --window-size=1400,3000)
timeout 120 "$CHROME" "${CHFLAGS[@]}" --screenshot="$T/shot.png" "file://$T/out/compare.html" >/dev/null 2>&1 || true
timeout 120 "$CHROME" "${CHFLAGS[@]}" --dump-dom "file://$T/out/compare.html" > "$T/dom.html" 2>/dev/null || true

/usr/bin/python3 - "$T" "$SRC" <<'PY'
import csv, glob, io, json, os, struct, sys, zipfile, re
from html.parser import HTMLParser
T, SRC = sys.argv[1], sys.argv[2]
bad = []
plans = {}
for f in glob.glob(os.path.join(T, "json", "*.json")):
    d = json.load(open(f))
    plans[d["source"]["file"]] = d
def targets(plan_file, ind):
    return [t for t in plans[plan_file]["targets"] if t["indicator"] == ind]
def num(v):
    return float(v)
indicators = {t["indicator"] for d in plans.values() for t in d["targets"] if t["indicator"]}

# 1. CSV: every row's figure is a target of that plan for that indicator, and
#    every (indicator, plan) pair in the JSON has a row.
rows = list(csv.DictReader(io.open(os.path.join(T, "out", "compare.csv"), encoding="utf-8-sig")))
pairs = set()
for r in rows:
    ts = targets(r["file"], r["indicator"])
    if not any(num(r["value"]) == t["value"] and r["comparator"] == t["comparator"] for t in ts):
        bad.append("csv row not in the JSON: %s %s %s" % (r["file"], r["indicator"], r["value"]))
    pairs.add((r["indicator"], r["file"]))
want_pairs = {(t["indicator"], f) for f, d in plans.items() for t in d["targets"] if t["indicator"]}
if pairs != want_pairs:
    bad.append("csv pairs differ: missing %s extra %s" % (want_pairs - pairs, pairs - want_pairs))

# 2. XLSX: a real workbook with the sheets, and the Targets sheet holds every
#    target with an indicator.
z = zipfile.ZipFile(os.path.join(T, "out", "compare.xlsx"))
wb = z.read("xl/workbook.xml").decode()
for sheet in ("Matrix", "Targets", "Plans"):
    if 'name="%s"' % sheet not in wb: bad.append("xlsx: no sheet " + sheet)
if "Over time" not in wb: bad.append("xlsx: no over-time sheet")
shared = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in z.namelist() else ""
n_targets = sum(1 for d in plans.values() for t in d["targets"] if t["indicator"])
sheet2 = z.read("xl/worksheets/sheet2.xml").decode()
n_rows = len(re.findall(r"<row ", sheet2)) - 1
if n_rows != n_targets: bad.append("xlsx Targets rows %d != %d targets" % (n_rows, n_targets))
for ind in indicators:
    if ind not in shared: bad.append("xlsx: indicator %s missing" % ind)

# 3. The page as Chromium rendered it.
shot = os.path.join(T, "shot.png")
if not os.path.exists(shot) or os.path.getsize(shot) < 20000:
    bad.append("chromium did not render a screenshot")
else:
    w, h = struct.unpack(">II", open(shot, "rb").read()[16:24])
    if (w, h) != (1400, 3000): bad.append("screenshot size %dx%d" % (w, h))
class Cells(HTMLParser):
    def __init__(self):
        super().__init__(); self.cells = []; self.svgs = 0; self.h1 = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-indicator" in a: self.cells.append(a)
        if tag == "svg": self.svgs += 1
        if tag == "h1": self.h1 = True
dom = open(os.path.join(T, "dom.html"), encoding="utf-8").read() if os.path.exists(os.path.join(T, "dom.html")) else ""
p = Cells(); p.feed(dom)
if not p.h1: bad.append("chromium DOM has no heading (page did not load?)")
if not p.cells: bad.append("no figure cells in the DOM")
seen = set()
for a in p.cells:
    ts = targets(a["data-plan"], a["data-indicator"])
    if not any(num(a["data-value"]) == t["value"] and a["data-comparator"] == t["comparator"] for t in ts):
        bad.append("page figure not in the JSON: %s" % a)
    seen.add((a["data-indicator"], a["data-plan"]))
if seen != want_pairs: bad.append("page misses figures: %s" % (want_pairs - seen))
if p.svgs < len(indicators): bad.append("%d charts for %d indicators" % (p.svgs, len(indicators)))
if "qua các kỳ kế hoạch" not in dom: bad.append("no province-over-time view")
for b in bad: print("FAIL", b)
print("compare: %d csv rows, %d page figures, %d charts, %d indicators" % (len(rows), len(p.cells), p.svgs, len(indicators)))
sys.exit(1 if bad else 0)
PY
