#!/usr/bin/env bash
# Benchmarks a full tier run through the service against one hand-written SQL statement computing the
# same scores (bench/tier-scores.sql) on the same data, and prints both medians, their ratio and the
# JVM's peak heap during the runs.
#
#   bench/tier-run-bench.sh [--customers 1000000] [--purchases 10000000] [--seed 42] [--runs 5]
#                           [--db clientbook_bench] [--port 8089] [--reuse-data] [--no-build]
#
# It packages the service (unless --no-build), creates the database afresh on the PostgreSQL at
# PGHOST/PGUSER (default 127.0.0.1, postgres; trust auth), starts the service against it (Flyway
# migrates), loads the data with bench/generate-data.sh (unless --reuse-data keeps what is there),
# then: one first run (every customer's tier is written), then --runs runs over HTTP (trigger with
# POST /api/v1/tier-runs, poll GET /api/v1/tier-runs/{id} every 100 ms until done, from one Python
# process on one connection) alternating with --runs executions of the SQL statement in one psql
# session. Medians are of those --runs each.
# With CLIENTBOOK_TIERS_WORK_MEM set (the service gets it too), the statement is also timed with that work_mem.
set -euo pipefail

customers=1000000; purchases=10000000; seed=42; runs=5; db=clientbook_bench; port=8089; reuse=false; build=true
while [ $# -gt 0 ]; do
    case "$1" in
        --customers) customers="$2"; shift 2 ;;
        --purchases) purchases="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --reuse-data) reuse=true; shift ;;
        --no-build) build=false; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
cd "$(dirname "$0")/.."
key="bench-admin-key"
base="http://127.0.0.1:$port"
log="target/tier-run-bench-service.log"
started=$(date +%s)
say() { echo "[$(($(date +%s) - started)) s] $*"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

if $build; then
    say "packaging the service"
    ./mvnw -B -q package -DskipTests
fi

if ! $reuse; then
    say "creating database $db"
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use: stop what listens there or pass --port" >&2; exit 1
fi
say "starting the service on port $port (log: $log)"
mkdir -p target
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
QUARKUS_HTTP_PORT="$port" CLIENTBOOK_BOOTSTRAP_ADMIN_KEY="$key" CLIENTBOOK_TIERS_SCHEDULE_CRON=off \
    java ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "$base/q/health/ready" >/dev/null 2>&1 && break
    kill -0 $service 2>/dev/null || { echo "the service stopped; see $log" >&2; exit 1; }
    sleep 0.5
done
curl -sf "$base/q/health/ready" >/dev/null || { echo "the service did not get ready; see $log" >&2; exit 1; }

if ! $reuse; then
    say "loading $customers customers, $purchases purchases (seed $seed)"
    bench/generate-data.sh --db "$db" --customers "$customers" --purchases "$purchases" --seed "$seed"
    say "VACUUM ANALYZE"
    psql_db -c "VACUUM ANALYZE"
fi
say "data: $(psql_db -At -c "SELECT count(*) || ' customers, ' || (SELECT count(*) FROM purchase) || ' purchases' FROM customer")"

heap() {
    curl -sf "$base/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { printf "%d\n", sum }'
}

# One run over HTTP: prints "<wall seconds> <peak heap bytes> <service seconds> <changes>". One Python
# process polls over one kept-alive connection: the run's status every 100 ms, the heap every 500 ms.
# Not a shell loop: its five processes per poll took enough of the two cores to slow PostgreSQL's
# parallel scoring by about a fifth (the bare statement in psql, 14.6 s alone, 17.8 s beside such a loop).
http_run() {
    python3 - "$port" "$key" <<'PY'
import http.client, json, re, sys, time
from datetime import datetime
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
auth = {"Authorization": "Bearer " + sys.argv[2]}
heap_used = re.compile(rb'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\}\s+(\S+)', re.M)

def call(method, path, headers={}):
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()

def heap():
    return int(sum(float(v) for v in heap_used.findall(call("GET", "/q/metrics")[1])))

peak = heap()
t0 = time.monotonic()
status, body = call("POST", "/api/v1/tier-runs", auth)
if status != 202:
    sys.exit("trigger answered %d: %s" % (status, body.decode()))
run_id, polls = json.loads(body)["id"], 0
while True:
    status, body = call("GET", "/api/v1/tier-runs/" + run_id, auth)
    run = json.loads(body)
    if run["status"] != "RUNNING":
        break
    polls += 1
    if polls % 5 == 0:
        peak = max(peak, heap())
    time.sleep(0.1)
wall = time.monotonic() - t0
peak = max(peak, heap())
if run["status"] != "SUCCEEDED":
    sys.exit("run %s ended %s: %s" % (run_id, run["status"], body.decode()))
at = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
print("%.3f %d %.3f %d" % (wall, peak, (at(run["finishedAt"]) - at(run["startedAt"])).total_seconds(), run["changes"]))
PY
}

# The statement in psql: prints its duration in seconds (psql's \timing). With an argument, it runs with that
# work_mem (what the run gives its transaction when CLIENTBOOK_TIERS_WORK_MEM is set); without, the server's.
sql_run() {
    local asof; asof=$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)
    PGOPTIONS="${1:+-c work_mem=$1}" psql -X -v ON_ERROR_STOP=1 -d "$db" -v as_of="$asof" -v window_days=365 -v cut_a=0.80 -v cut_b=0.95 \
        -c '\timing on' -f bench/tier-scores.sql | awk '/^Time:/ { printf "%.3f\n", $2 / 1000 }' | tail -1
}
work_mem="${CLIENTBOOK_TIERS_WORK_MEM:-}"

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

say "heap before: $(( $(heap) / 1048576 )) MiB"
say "first run (writes every customer's tier)"
read -r wall peak svc changes < <(http_run)
say "first run: $(printf "%.3f" "$wall") s wall, $svc s in the service, $changes changes, peak heap $((peak / 1048576)) MiB"

http_times=(); sql_times=(); sqlwm_times=(); peak_all=$peak
for i in $(seq 1 "$runs"); do
    read -r wall peak svc changes < <(http_run)
    [ "$peak" -gt "$peak_all" ] && peak_all=$peak
    s=$(sql_run); http_times+=("$wall"); sql_times+=("$s"); with_work_mem=""
    if [ -n "$work_mem" ]; then
        sw=$(sql_run "$work_mem"); sqlwm_times+=("$sw"); with_work_mem=", SQL with work_mem $work_mem $sw s"
    fi
    say "run $i: service $(printf "%.3f" "$wall") s wall ($svc s inside, $changes changes), SQL $s s$with_work_mem"
done
m_http=$(printf '%s\n' "${http_times[@]}" | median)
m_sql=$(printf '%s\n' "${sql_times[@]}" | median)
echo
echo "customers:            $customers, purchases: $purchases (seed $seed)"
echo "machine:              $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(psql -X -At -d "$db" -c 'SHOW server_version') PostgreSQL, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
echo "service run median:   $(printf '%.3f' "$m_http") s (trigger over HTTP to SUCCEEDED seen by polling; $runs runs)"
echo "SQL statement median: $m_sql s (psql \\timing; $runs runs)"
echo "ratio:                $(echo "$m_http / $m_sql" | bc -l | xargs printf '%.2f') (target <= 1.25)"
if [ -n "$work_mem" ]; then
    m_sqlwm=$(printf '%s\n' "${sqlwm_times[@]}" | median)
    echo "SQL, work_mem $work_mem:  $m_sqlwm s (the statement given the memory the run gives itself; $runs runs)"
    echo "ratio to that:        $(echo "$m_http / $m_sqlwm" | bc -l | xargs printf '%.2f') (the service's own overhead)"
fi
echo "peak JVM heap:        $((peak_all / 1048576)) MiB used during the runs (jvm_memory_used_bytes, heap, polled every 500 ms)"
