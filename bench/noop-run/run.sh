#!/usr/bin/env bash
# bench/noop-run: what a scheduled `run` costs when nothing changed, measured as a scheduler sees
# it (wall time of bin/flowlake, JVM start included), side by side with the floor every command
# pays (`bin/flowlake --help`: JVM start and class loading, no Spark) and with a run that merged a
# few changed runs. Target (issue #16): nothing new in <= 15 s, median of several runs.
#   bench/noop-run/run.sh [RUNS_IN_WORKSPACE=5000] [REPEATS=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5000}"
REPEATS="${2:-5}"
PORT="${BENCH_PORT:-18765}"
WORK="$(mktemp -d -t flowlake-noop.XXXXXX)"
LAKE="$WORK/lake"
FLOWLAKE="$ROOT/bin/flowlake"

cleanup() {
  [[ -n "${SIM_PID:-}" ]] && kill "$SIM_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$FLOWLAKE" --help >/dev/null # builds the launcher's jar first when the sources changed

# a simulated workspace that changes 20 runs every 20 s: the "changed" case has something to merge
"$FLOWLAKE" simulate --port "$PORT" --runs "$RUNS" --flows 10 --seed 7 \
  --modify-every-seconds 20 --modify-count 20 >"$WORK/simulate.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 120); do
  grep -q RAPIDPRO_TOKEN "$WORK/simulate.log" && break
  sleep 1
done
export RAPIDPRO_TOKEN="$(sed -n 's/^RAPIDPRO_TOKEN=\([^ ]*\).*/\1/p' "$WORK/simulate.log" | head -1)"
API="http://127.0.0.1:$PORT"

# wall seconds of one command; its exit code in $LAST_EXIT, its output in $WORK/last.log
timed() {
  local start end
  start=$(date +%s.%N)
  set +e
  "$@" >"$WORK/last.log" 2>&1
  LAST_EXIT=$?
  set -e
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}'
}

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

echo "workspace: $RUNS runs in 10 flows; $REPEATS repeats of each case; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
first=$(timed "$FLOWLAKE" run --api "$API" --lake "$LAKE" --requests-per-hour 360000)
[[ "$LAST_EXIT" == 0 ]] || { echo "the first run failed (exit $LAST_EXIT):"; tail -5 "$WORK/last.log"; exit 1; }
printf "%-34s %6.1f s\n" "first run (full pull + marts)" "$first"

help_times=() noop_times=() changed_times=()
for i in $(seq 1 "$REPEATS"); do
  help_times+=("$(timed "$FLOWLAKE" --help)")
  # right after a run nothing changed yet (the simulator changes runs every 20 s)
  sleep 1
  noop_times+=("$(timed "$FLOWLAKE" run --api "$API" --lake "$LAKE")")
  if [[ "$LAST_EXIT" != 5 ]] || ! grep -q "^nothing new since " "$WORK/last.log"; then
    echo "repeat $i: expected exit 5 and 'nothing new since', got exit $LAST_EXIT:"
    tail -3 "$WORK/last.log"
    exit 1
  fi
  sleep 21 # the simulator changes 20 runs
  changed_times+=("$(timed "$FLOWLAKE" run --api "$API" --lake "$LAKE")")
  [[ "$LAST_EXIT" == 0 ]] || { echo "repeat $i: the changed run exited $LAST_EXIT"; tail -3 "$WORK/last.log"; exit 1; }
done

h=$(printf '%s\n' "${help_times[@]}" | median)
n=$(printf '%s\n' "${noop_times[@]}" | median)
c=$(printf '%s\n' "${changed_times[@]}" | median)
echo
printf "%-34s %8s %s\n" "case (median of $REPEATS)" "wall s" "vs --help"
printf "%-34s %8s %s\n" "flowlake --help (JVM floor)" "$h" "1.0x"
printf "%-34s %8s %sx\n" "run, nothing new (exit 5)" "$n" "$(awk -v a="$n" -v b="$h" 'BEGIN {printf "%.1f", a / b}')"
printf "%-34s %8s %sx\n" "run, 20 runs changed (exit 0)" "$c" "$(awk -v a="$c" -v b="$h" 'BEGIN {printf "%.1f", a / b}')"
echo "nothing-new runs: ${noop_times[*]}"
echo "changed runs:     ${changed_times[*]}"
verdict=$(awk -v a="$n" 'BEGIN {print (a <= 15) ? 1 : 0}')
echo "target: nothing new <= 15 s: $([[ "$verdict" == 1 ]] && echo met || echo MISSED) ($n s)"
