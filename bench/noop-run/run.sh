#!/usr/bin/env bash
# bench/noop-run: what a scheduled `run` costs when nothing changed, measured as a scheduler sees
# it (wall time of bin/flowlake, JVM start included), side by side with the floor every command
# pays (`bin/flowlake --help`: JVM start and class loading, no Spark) and with the first, full
# run. The no-op runs pace at the default --requests-per-hour (3600), as a scheduled run would.
# Target (issue #16): nothing new in <= 15 s, the median of several runs.
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

# a simulated workspace that does not change: every run after the first has nothing new
"$FLOWLAKE" simulate --port "$PORT" --runs "$RUNS" --flows 10 --seed 7 >"$WORK/simulate.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 120); do
  grep -q RAPIDPRO_TOKEN "$WORK/simulate.log" && break
  sleep 1
done
export RAPIDPRO_TOKEN="$(sed -n 's/^RAPIDPRO_TOKEN=\([^ ]*\).*/\1/p' "$WORK/simulate.log" | head -1)"
API="http://127.0.0.1:$PORT"

# wall seconds of one command (called as $(timed ...), a subshell: its exit code goes through a
# file, read by last_exit), its output in $WORK/last.log
timed() {
  local start end
  start=$(date +%s.%N)
  set +e
  "$@" >"$WORK/last.log" 2>&1
  echo $? >"$WORK/last.exit"
  set -e
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}'
}

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

echo "workspace: $RUNS runs in 10 flows; $REPEATS repeats of each case; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
first=$(timed "$FLOWLAKE" run --api "$API" --lake "$LAKE" --requests-per-hour 360000)
LAST_EXIT=$(cat "$WORK/last.exit")
[[ "$LAST_EXIT" == 0 ]] || { echo "the first run failed (exit $LAST_EXIT):"; tail -5 "$WORK/last.log"; exit 1; }
printf "%-34s %6.1f s\n" "first run (full pull + marts)" "$first"

# the run's own account of a no-op (its newest report): seconds from the command's start to its
# end, and of those the probe's; the rest of the wall time is the JVM starting and loading classes
split_of_last_run() {
  python3 - "$LAKE/_state/runs" <<'PY'
import json, os, re, sys
from datetime import datetime
d = sys.argv[1]
r = json.load(open(os.path.join(d, sorted(f for f in os.listdir(d) if f.endswith(".json"))[-1])))
t = lambda s: datetime.fromisoformat(re.sub(r"(\.\d{6})\d*", r"\1", s).replace("Z", "+00:00"))
probe = r.get("probe") or {}
print("%.1f %s" % ((t(r["finished_at"]) - t(r["started_at"])).total_seconds(),
                   "%.1f" % probe["seconds"] if "seconds" in probe else "-"))
PY
}

help_times=() noop_times=() splits=()
for i in $(seq 1 "$REPEATS"); do
  help_times+=("$(timed "$FLOWLAKE" --help)")
  noop_times+=("$(timed "$FLOWLAKE" run --api "$API" --lake "$LAKE")")
  LAST_EXIT=$(cat "$WORK/last.exit")
  if [[ "$LAST_EXIT" != 5 ]] || ! grep -q "^nothing new since " "$WORK/last.log"; then
    echo "repeat $i: expected exit 5 and 'nothing new since', got exit $LAST_EXIT:"
    tail -3 "$WORK/last.log"
    exit 1
  fi
  splits+=("$(split_of_last_run)")
done

h=$(printf '%s\n' "${help_times[@]}" | median)
n=$(printf '%s\n' "${noop_times[@]}" | median)
echo
printf "%-34s %8s %s\n" "case (median of $REPEATS)" "wall s" "vs --help"
printf "%-34s %8s %s\n" "flowlake --help (JVM floor)" "$h" "1.0x"
printf "%-34s %8s %sx\n" "run, nothing new (exit 5)" "$n" "$(awk -v a="$n" -v b="$h" 'BEGIN {printf "%.1f", a / b}')"
printf "%-34s %8s %sx\n" "first run, $RUNS runs (exit 0; once)" "$first" "$(awk -v a="$first" -v b="$h" 'BEGIN {printf "%.1f", a / b}')"
echo "nothing-new runs: ${noop_times[*]}"
echo "each no-op's own account (command start to end, of it the probe; the rest of the wall time is JVM start):"
for i in "${!splits[@]}"; do
  read -r own probe <<<"${splits[$i]}"
  printf "  wall %5s s = JVM start %5s s + command %5s s (probe %s s%s)\n" "${noop_times[$i]}" \
    "$(awk -v w="${noop_times[$i]}" -v o="$own" 'BEGIN {printf "%.1f", w - o}')" "$own" "$probe" \
    "$([[ "$probe" == "-" ]] && echo ", Spark started" || echo ", no Spark")"
done
verdict=$(awk -v a="$n" 'BEGIN {print (a <= 15) ? 1 : 0}')
echo "target: nothing new <= 15 s: $([[ "$verdict" == 1 ]] && echo met || echo MISSED) ($n s)"
