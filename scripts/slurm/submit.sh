#!/usr/bin/env bash
# Runs an archive over a Slurm cluster: N array tasks (one shard each), then
# one merge job once every task has succeeded.
#
#   scripts/slurm/submit.sh INPUT RUN_DIR N [more kehoach batch flags]
#
# INPUT and RUN_DIR must be on a file system every node sees.  The results end
# in RUN_DIR/all (results.jsonl, errors.jsonl, json/) and RUN_DIR/plans.sqlite;
# the jobs' logs in RUN_DIR/logs.  KEHOACH names the binary (exported to the
# jobs).  SUBMIT_WAIT=1 waits for the merge job to end and exits with its
# status (for tests and scripts).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
input=$(realpath "${1:?INPUT}"); run=$(realpath -m "${2:?RUN_DIR}"); n=${3:?N}; shift 3
mkdir -p "$run/logs"
export KEHOACH=${KEHOACH:-$(command -v kehoach || true)}
[ -n "$KEHOACH" ] || { echo "submit: set KEHOACH to the kehoach binary" >&2; exit 1; }
array=$(sbatch --parsable --array="0-$((n - 1))" --output="$run/logs/shard-%a.out" \
          "$here/kehoach-shard.sbatch" "$input" "$run" "$@")
array=${array%%;*}
echo "submit: array job $array ($n shards of $input)"
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
          --output="$run/logs/merge.out" "$here/kehoach-merge.sbatch" "$run")
merge=${merge%%;*}
echo "submit: merge job $merge -> $run/all, $run/plans.sqlite"
[ "${SUBMIT_WAIT:-0}" = 1 ] || exit 0
# Wait for the merge job (sbatch --wait polls at growing intervals, up to
# half a minute; this asks twice a second).
while :; do
  state=$(scontrol show job -o "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  case "$state" in
    COMPLETED) echo "submit: merge job $merge completed"; exit 0 ;;
    FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|DEADLINE|BOOT_FAIL|PREEMPTED)
      echo "submit: merge job $merge: $state" >&2; exit 1 ;;
    "") echo "submit: merge job $merge is gone" >&2; exit 1 ;;
  esac
  sleep 0.5
done
