#!/usr/bin/env bash
# Runs the libFuzzer targets for a while each and prints what they did.
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]     (TARGET: normalizer rules tables pdf)
# BUILD_DIR is a build made with -DKEHOACH_FUZZ=ON (see fuzz/README.md).
# Two targets run at a time.  Seeds are remade from the corpus each run
# (fuzz/make_seeds.sh); what a run learns stays in BUILD_DIR/fuzz/corpus/TARGET
# for the next run; an input that crashes a target, breaks an invariant,
# runs over 30 s or 4 GB is saved in BUILD_DIR/fuzz/findings/ and the script
# exits 1.  Every file under fuzz/regressions/TARGET/ (inputs that once broke
# something) is replayed first.
set -uo pipefail
BUILD=$(cd "$1" && pwd); SECONDS_EACH=$2; shift 2
TARGETS=(normalizer rules tables pdf)
[ $# -gt 0 ] && TARGETS=("$@")
SRC=$(cd "$(dirname "$0")/.." && pwd)
W="$BUILD/fuzz"
bash "$SRC/fuzz/make_seeds.sh" "$BUILD" "$W/seeds" || exit 1
mkdir -p "$W/findings" "$W/logs"
export OMP_THREAD_LIMIT=1
fail=0
for t in "${TARGETS[@]}"; do
  if compgen -G "$SRC/fuzz/regressions/$t/*" > /dev/null; then
    if ! "$W/${t}_fuzzer" -runs=1 "$SRC"/fuzz/regressions/"$t"/* > "$W/logs/$t.regressions.log" 2>&1; then
      echo "FAIL $t: a regression input breaks it again (see $W/logs/$t.regressions.log)"
      fail=1
    fi
  fi
done
run_one() {
  local t=$1
  mkdir -p "$W/corpus/$t"
  "$W/${t}_fuzzer" -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$W/findings/$t-" "$W/corpus/$t" "$W/seeds/$t" > "$W/logs/$t.log" 2>&1
}
pids=()
for t in "${TARGETS[@]}"; do
  run_one "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
wait
printf '%-11s %8s %9s %7s %6s %7s  %s\n' target seconds runs exec/s cov corpus result
for t in "${TARGETS[@]}"; do
  log="$W/logs/$t.log"
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$')
  secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<< "$last" | grep -o '[0-9]*')
  corp=$(grep -o 'corp: [0-9]*' <<< "$last" | grep -o '[0-9]*')
  if grep -qE '^==[0-9]+==ERROR|invariant broken|SUMMARY: |ERROR: libFuzzer' "$log"; then
    result="FINDING: $(grep -E 'invariant broken|SUMMARY: |ERROR: libFuzzer' "$log" | head -1) (log $log)"
    fail=1
  elif [ -z "$runs" ]; then
    result="did not run (log $log)"
    fail=1
  else
    result="no finding"
  fi
  printf '%-11s %8s %9s %7s %6s %7s  %s\n' "$t" "${secs:-?}" "$runs" "$(( ${runs:-0} / (${secs:-1} > 0 ? ${secs:-1} : 1) ))" "${cov:-?}" "${corp:-?}" "$result"
done
exit $fail
