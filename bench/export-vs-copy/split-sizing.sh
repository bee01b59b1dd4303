#!/usr/bin/env bash
# What sizing a first export's splits costs: flowlake's SplitSize (a listing and one Parquet
# footer) against the row count and DESCRIBE DETAIL it replaced, each in its own fresh JVM, new and
# old alternating twice. Usage: bench/export-vs-copy/split-sizing.sh TABLE... (Delta tables' roots)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn -q -B -ntp -o -f "$root/pom.xml" -Pbench -pl bench/export-vs-copy -am package -DskipTests
cp="$here/target/classes:$(cat "$here/target/bench-classpath.txt")"
flags="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$root/pom.xml")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in 1 2; do
  for mode in new old; do
    java $flags -Xmx1g -XX:ActiveProcessorCount=2 -Duser.timezone=UTC \
      -Dlog4j2.configurationFile="$root/bin/log4j2.properties" \
      -cp "$cp" io.flowlake.warehouse.SplitSizing "$mode" "$@"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
