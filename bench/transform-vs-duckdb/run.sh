#!/usr/bin/env bash
# Times flowlake's transform against DuckDB computing the same marts over the same Parquet files,
# at each lake size given, then prints how the time grows from the smallest to the largest.
# Usage: bench/transform-vs-duckdb/run.sh [RUNS...]   (default: 1000000 10000000)
# Lakes go to $BENCH_DIR/<RUNS> (default bench/transform-vs-duckdb/target/data), generated once
# per size and kept for reruns. Each phase runs in its own JVM with a 2 GB heap on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000000 10000000)
base="${BENCH_DIR:-$here/target/data}"

mvn -q -B -ntp -f "$root/pom.xml" -Pbench -pl bench/transform-vs-duckdb -am package -DskipTests
cp="$here/target/classes:$(cat "$here/target/bench-classpath.txt")"
flags="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$root/pom.xml")"
java_run() { java $flags -Xmx2g -XX:ActiveProcessorCount=2 -Duser.timezone=UTC -cp "$cp" io.flowlake.bench.TransformVsDuckDb "$@"; }

dirs=()
for runs in "${sizes[@]}"; do
  dir="$base/$runs"
  # lake.layout: a lake generated before the lake was laid out by flow is generated again
  if [[ "$(cat "$dir/lake.runs" 2>/dev/null)" != "$runs" \
      || "$(cat "$dir/lake.layout" 2>/dev/null)" != "by-flow" ]]; then
    rm -rf "$dir/lake"
    mkdir -p "$dir"
    java_run generate "$runs" "$dir"
    echo "$runs" > "$dir/lake.runs"
    echo "by-flow" > "$dir/lake.layout"
  fi
  # a previous run's marts would make the "cold" transform replace tables instead of creating them
  rm -rf "$dir/lake/marts" "$dir/duckdb-marts"
  java_run spark "$dir"
  java_run duckdb "$dir"
  echo
  java_run report "$dir"
  dirs+=("$dir")
done
echo
java_run scaling "${dirs[@]}"
