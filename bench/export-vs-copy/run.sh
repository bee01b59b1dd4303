#!/usr/bin/env bash
# The warehouse feed against plain COPY: first export of a RUNS-run lake (default 1,000,000) vs
# COPY of the same CSV lines into empty tables of the same definitions on the same server, then an
# incremental export after 1% of runs changed and 100 contacts were erased.
# Usage: bench/export-vs-copy/run.sh [RUNS]. Data under $BENCH_DIR (default target/data/<RUNS>);
# a throwaway PostgreSQL (Debian's initdb/pg_ctl) in that folder, on a free loopback port.
# Each phase runs in its own JVM, 2 cores; the export phases with a 1 GB heap (bounded memory).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-1000000}"
dir="${BENCH_DIR:-$here/target/data}/$runs"

# offline when the local repository has everything (fast), online on a bare machine
build=(-q -B -ntp -f "$root/pom.xml" -Pbench -pl bench/export-vs-copy -am package -DskipTests)
mvn -o "${build[@]}" >&2 || mvn "${build[@]}" >&2
# Spark binds the driver to loopback, as bin/flowlake does, not to the machine's first address
export SPARK_LOCAL_IP=127.0.0.1
cp="$here/target/classes:$(cat "$here/target/bench-classpath.txt")"
flags="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$root/pom.xml")"
java_run() {
  local heap="$1"; shift
  java $flags "-Xmx$heap" -XX:ActiveProcessorCount=2 -Duser.timezone=UTC -cp "$cp" io.flowlake.bench.ExportVsCopy "$@"
}

# PostgreSQL: its own data folder, as the postgres user when run as root (it refuses root)
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pg="$(mktemp -d /tmp/flowlake-bench-pg-XXXXXX)"
as_pg=()
[[ "$(id -u)" == 0 ]] && as_pg=(runuser -u postgres --)
mkdir -p "$dir"
[[ "$(id -u)" == 0 ]] && chown postgres:postgres "$pg"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"${as_pg[@]}" "$pgbin/initdb" -D "$pg/data" -U flowlake --auth=trust --no-sync > "$pg/initdb.log"
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w \
  -o "-p $port -k $pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_wal_size=4GB" start > /dev/null
trap '"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pg/data" -m immediate -w stop > /dev/null; rm -rf "$pg"' EXIT
url="jdbc:postgresql://127.0.0.1:$port/postgres?user=flowlake"

# generated once and kept until the change phase alters it
if [[ ! -f "$dir/lake.pristine" ]]; then
  rm -rf "$dir/lake"
  java_run 2g generate "$runs" "$dir"
  touch "$dir/lake.pristine"
fi
rm -rf "$dir/csv" "$dir/results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java_run 1g export "$dir" "$url" first
java_run 2g floor "$dir" "$url"
rm -f "$dir/lake.pristine"
java_run 2g change "$dir"
java_run 1g export "$dir" "$url" incremental
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java_run 1g report "$dir"
