#!/usr/bin/env bash
# The load benchmark: a clinic's day against Venula on PostgreSQL at a clinic group's size (docs/benchmarks.md).
#
#   bench/run.sh [PATIENTS]            # default 1000000; 10 appointments and 1 session per patient
#
# Needs PostgreSQL's server (Debian: postgresql; initdb and pg_ctl under /usr/lib/postgresql/*/bin) and wrk (Debian:
# wrk). It makes a PostgreSQL cluster of its own under $BENCH_DIR (default /tmp/venula-bench) on port $PG_PORT, starts
# Venula (target/venula.jar, built if missing) on it with the demo clinic on port $APP_PORT, fills it with
# org.venula.bench.BenchData (COPY) once per size, then runs each scenario at each client count: a warm-up, then a
# measured run, reading the CPU time of the Venula JVM and of every PostgreSQL process before and after. It prints a
# Markdown table (also written to $BENCH_DIR/results-PATIENTS.md).
#
# Settings (environment): DURATION (30s), WARMUP (10s), CLIENTS ("8 64"), THREADS (2),
# SCENARIOS ("search read create book chart sign review audit"), JFR=1 to record the measured runs with
# Java Flight Recorder into $BENCH_DIR/SCENARIO-CLIENTS.jfr, KEEP=1 to leave PostgreSQL and Venula running.
set -euo pipefail

cd "$(dirname "$0")/.."
PATIENTS=${1:-1000000}
BENCH_DIR=${BENCH_DIR:-/tmp/venula-bench}
PG_PORT=${PG_PORT:-55433}
APP_PORT=${APP_PORT:-18097}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
CLIENTS=${CLIENTS:-8 64}
THREADS=${THREADS:-2}
SCENARIOS=${SCENARIOS:-search read create book chart sign review audit}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
DB="venula_${PATIENTS}"
FIXTURES="$BENCH_DIR/fixtures-$PATIENTS"
ADMIN_PASSWORD=bench-admin-password
HZ=$(getconf CLK_TCK)

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL's server is needed (Debian: apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

mkdir -p "$BENCH_DIR"
if [ ! -f "$BENCH_DIR/pg/PG_VERSION" ]; then
  mkdir -p "$BENCH_DIR/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$BENCH_DIR/pg" && chmod 777 "$BENCH_DIR"
  as_pg "$PGBIN/initdb" -D "$BENCH_DIR/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$BENCH_DIR/pg/postgresql.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BENCH_DIR'
shared_buffers = 2GB
max_connections = 200
max_wal_size = 8GB
EOF
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$BENCH_DIR/pg" status >/dev/null 2>&1; then
  as_pg "$PGBIN/pg_ctl" -D "$BENCH_DIR/pg" -l "$BENCH_DIR/pg.log" -w start >/dev/null
fi
POSTMASTER=$(head -1 "$BENCH_DIR/pg/postmaster.pid")

[ -f target/venula.jar ] || ./mvnw -B -q package -DskipTests
if [ ! -f target/test-classpath.txt ] || [ ! -f target/test-classes/org/venula/bench/BenchData.class ]; then
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test
fi

APP_PID=
start_venula() {
  local jvm=()
  # Deep stacks, so that a recording shows which request path a hot method is on, not only the method.
  [ "${JFR:-}" = 1 ] && jvm=(-XX:FlightRecorderOptions=stackdepth=512)
  VENULA_DATA_DIR="$BENCH_DIR/data-$PATIENTS" VENULA_DEMO=true VENULA_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD= java "${jvm[@]}" -jar target/venula.jar --server.port="$APP_PORT" \
    >"$BENCH_DIR/venula-$PATIENTS.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 120); do
    if curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; then return; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "Venula stopped; see $BENCH_DIR/venula-$PATIENTS.log" >&2; exit 1; }
    sleep 1
  done
  echo "Venula did not become ready" >&2
  exit 1
}
stop_venula() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
trap '[ "${KEEP:-}" = 1 ] || stop_venula' EXIT

if [ ! -f "$FIXTURES/generated" ]; then
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $DB"
  psql_ -d postgres -c "CREATE DATABASE $DB"
  rm -rf "$BENCH_DIR/data-$PATIENTS" "$FIXTURES"
  start_venula   # migrations and the demo clinic, as on a first start
  stop_venula
  echo "Generating $PATIENTS patients, $((PATIENTS * 10)) appointments and $PATIENTS sessions…"
  java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.venula.bench.BenchData \
    "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" "$PATIENTS" $((PATIENTS * 10)) "$PATIENTS" "$FIXTURES"
  date -u +%FT%TZ >"$FIXTURES/generated"
fi
start_venula

# CPU time in milliseconds of the JVM and of PostgreSQL (every backend, plus what the postmaster has reaped).
cpu_ms() {
  local pid=$1 children=$2
  awk -v hz="$HZ" -v c="$children" '{ sub(/^.*\) /, ""); t += $12 + $13; if (c) t += $14 + $15 }
    END { printf "%d", t * 1000 / hz }' "/proc/$pid/stat"
}
pg_ms() {
  local t
  t=$(cpu_ms "$POSTMASTER" 1)
  for p in $(pgrep -P "$POSTMASTER"); do t=$((t + $(cpu_ms "$p" 0 2>/dev/null || echo 0))); done
  echo "$t"
}

AUTH_CLINICIAN="Authorization: Basic $(printf 'dr.okafor:venula-demo-2026' | base64)"
AUTH_ADMIN="Authorization: Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64)"
RESULTS="$BENCH_DIR/results-$PATIENTS.md"
{
  echo "| scenario ($PATIENTS patients) | clients | req/s | p50 ms | p99 ms | p99.9 ms | errors | CPU-ms/req Venula | CPU-ms/req PostgreSQL | CPU-ms/req total |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} | tee "$RESULTS"
for scenario in $SCENARIOS; do
  auth=$AUTH_CLINICIAN
  [ "$scenario" = audit ] && auth=$AUTH_ADMIN
  for clients in $CLIENTS; do
    offset_file="$FIXTURES/$scenario.offset"
    offset=$(cat "$offset_file" 2>/dev/null || echo 0)
    run() {
      wrk -t"$THREADS" -c"$clients" -d"$1" --timeout 10s -H "$auth" -s bench/scenario.lua \
        "http://127.0.0.1:$APP_PORT" -- "$scenario" "$FIXTURES" "$offset" "$THREADS" 2>>"$BENCH_DIR/errors.log"
    }
    line=$(run "$WARMUP" | grep BENCH-RESULT)
    offset=$((offset + $(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line") + 1000))
    [ "${JFR:-}" = 1 ] && jcmd "$APP_PID" JFR.start name=bench settings=profile \
      filename="$BENCH_DIR/$scenario-$clients.jfr" >/dev/null
    java0=$(cpu_ms "$APP_PID" 0); pg0=$(pg_ms)
    line=$(run "$DURATION" | grep BENCH-RESULT)
    java1=$(cpu_ms "$APP_PID" 0); pg1=$(pg_ms)
    [ "${JFR:-}" = 1 ] && jcmd "$APP_PID" JFR.stop name=bench >/dev/null
    n=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")
    echo $((offset + n + 1000)) >"$offset_file"
    awk -v line="$line" -v s="$scenario" -v c="$clients" -v j=$((java1 - java0)) -v p=$((pg1 - pg0)) 'BEGIN {
      split(line, f, " "); for (i in f) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
      n = v["requests"]; if (n == 0) n = 1
      printf "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %.2f | %.2f | %.2f |\n", s, c,
        v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, v["p999_us"] / 1000,
        v["errors"], j / n, p / n, (j + p) / n }' | tee -a "$RESULTS"
  done
done
echo "Written to $RESULTS (errors, if any, in $BENCH_DIR/errors.log)"
