#!/usr/bin/env bash
# The main job on the bundled corpus: kehoach batch over corpus/ into out/
# (one JSON per plan in out/json/, out/results.jsonl, out/errors.jsonl, the
# database out/plans.sqlite), then the auditors' comparison of those plans
# -> out/compare/compare.{csv,xlsx,html}.  out/ is made anew each time (a
# batch folder resumes, and this job should show what this build reads).
# The exit status says if any plan failed.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf out
status=0
./build/kehoach batch corpus -o out -j 2 --db out/plans.sqlite || status=1
./build/kehoach compare out/json -o out/compare || status=1
exit $status
