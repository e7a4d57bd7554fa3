#!/usr/bin/env bash
# Every corpus output validates against schema/kehoach.schema.json with a real
# JSON Schema validator (Debian's python3-jsonschema, draft 2020-12); and a
# broken document does not (the validator can fail).
set -eu
BIN=$1; SRC=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for pdf in "$SRC"/corpus/*.pdf; do
  "$BIN" extract "$pdf" -o "$T/$(basename "$pdf" .pdf).json"
done
/usr/bin/python3 - "$SRC/schema/kehoach.schema.json" "$T"/*.json <<'PY'
import json, sys, copy
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
bad = 0
with_targets = with_tasks = 0
for path in sys.argv[2:]:
    doc = json.load(open(path))
    errs = list(v.iter_errors(doc))
    for e in errs:
        print("FAIL", path, e.json_path, e.message); bad += 1
    if not errs: print("valid", path)
    broken = copy.deepcopy(doc); broken["legal_references"].append({"type": "x"})
    if v.is_valid(broken): print("FAIL: a broken document validated"); bad += 1
    if doc["targets"]:
        with_targets += 1
        broken = copy.deepcopy(doc); broken["targets"][0]["comparator"] = "≥"
        if v.is_valid(broken): print("FAIL: a target with an unknown comparator validated"); bad += 1
    if doc["tasks"]:
        with_tasks += 1
        broken = copy.deepcopy(doc); broken["tasks"][0]["timeline"]["to"] = "Quý IV/2019"
        if v.is_valid(broken): print("FAIL: a task with a non-ISO timeline date validated"); bad += 1
        broken = copy.deepcopy(doc); broken["tasks"][0]["lead"] = "Sở Nội vụ"
        if v.is_valid(broken): print("FAIL: a task whose lead is not a list validated"); bad += 1
    broken = copy.deepcopy(doc); broken["document"]["date"] = "14/01/2019"
    if v.is_valid(broken): print("FAIL: a non-ISO date validated"); bad += 1
if with_targets < 3 or with_tasks < 3:
    print("FAIL: the corpus should give targets (%d plans) and tasks (%d plans)" % (with_targets, with_tasks)); bad += 1
sys.exit(1 if bad else 0)
PY
