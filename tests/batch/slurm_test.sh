#!/usr/bin/env bash
# The Slurm scripts on a real (single-node) Slurm: start munged, slurmctld and
# slurmd in a temporary folder, submit the corpus as a 3-task array job plus
# the merge job, and check the merged results against a plain batch run.
#   slurm_test.sh KEHOACH SOURCE_DIR
set -u
if [ "$(id -u)" -ne 0 ]; then echo "SKIP: slurmd must run as root to start jobs"; exit 77; fi
BIN=$(realpath "$1"); SRC=$(realpath "$2")
T=$(mktemp -d)
export KEHOACH_SLURM_PORT=$((20000 + RANDOM % 20000))
cleanup() { bash "$SRC/scripts/slurm/local_cluster.sh" stop "$T/cluster"; rm -rf "$T"; }
trap cleanup EXIT
fail=0
if ! bash "$SRC/scripts/slurm/local_cluster.sh" start "$T/cluster"; then
  tail -20 "$T"/cluster/log/*.log
  echo "FAIL: the local Slurm did not start"; exit 1
fi
export SLURM_CONF=$T/cluster/slurm.conf
# The born-digital plans at the top of corpus/ (the legacy and scanned
# versions under corpus/*/ would only make the test slower).
mkdir -p "$T/plans" && ln -s "$SRC"/corpus/*.pdf "$T/plans/"
KEHOACH=$BIN SUBMIT_WAIT=1 timeout 300 bash "$SRC/scripts/slurm/submit.sh" "$T/plans" "$T/run" 3
rc=$?
[ $rc -eq 0 ] || { echo "FAIL: submit/merge exit $rc"; cat "$T"/run/logs/*.out; fail=1; }
for i in 0 1 2; do
  grep -q "kehoach-shard: task $i of 3" "$T/run/logs/shard-$i.out" || { echo "FAIL: no log of task $i"; fail=1; }
done
cat "$T"/run/logs/*.out
"$BIN" batch "$T/plans" -o "$T/plain" 2>/dev/null
python3 - "$T" <<'PY' || fail=1
import json, sqlite3, sys
t = sys.argv[1]
def recs(p):
    out = []
    for l in open(p):
        r = json.loads(l); r.pop("seconds"); r.pop("max_rss_mb"); out.append(r)
    return out
a, b = recs(f"{t}/plain/results.jsonl"), recs(f"{t}/run/all/results.jsonl")
bad = []
if a != b:
    bad.append(f"merged results differ from a plain run: {len(b)} vs {len(a)} records")
shards = [sum(1 for _ in open(f"{t}/run/shard-{i}/results.jsonl")) for i in range(3)]
if sum(shards) != len(a):
    bad.append(f"shards hold {shards}, want {len(a)} in all")
n, = sqlite3.connect(f"{t}/run/plans.sqlite").execute("select count(*) from documents").fetchone()
if n != len(a):
    bad.append(f"database holds {n} documents, want {len(a)}")
for x in bad: print("FAIL", x)
print(f"slurm: {len(b)} plans over shards {shards}, {n} in the database")
sys.exit(1 if bad else 0)
PY
[ $fail -eq 0 ] && echo "slurm: all passed"
exit $fail
