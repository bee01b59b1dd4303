#!/usr/bin/env bash
# Times flowlake's transform against DuckDB computing the same marts over the same Parquet files.
# Usage: bench/transform-vs-duckdb/run.sh [RUNS] [DIR]   (defaults: 10000000, bench/transform-vs-duckdb/target/data)
# Each phase runs in its own JVM with a 2 GB heap on 2 cores; the lake is generated once per RUNS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-10000000}"
dir="${2:-$here/target/data}"

mvn -q -B -f "$root/pom.xml" -Pbench -pl bench/transform-vs-duckdb -am package -DskipTests
cp="$here/target/classes:$(cat "$here/target/bench-classpath.txt")"
flags="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$root/pom.xml")"
java_run() { java $flags -Xmx2g -XX:ActiveProcessorCount=2 -Duser.timezone=UTC -cp "$cp" io.flowlake.bench.TransformVsDuckDb "$@"; }

if [[ "$(cat "$dir/lake.runs" 2>/dev/null)" != "$runs" ]]; then
  rm -rf "$dir/lake"
  mkdir -p "$dir"
  java_run generate "$runs" "$dir"
  echo "$runs" > "$dir/lake.runs"
fi
java_run spark "$dir"
java_run duckdb "$dir"
java_run report "$dir"
