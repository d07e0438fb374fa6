#!/usr/bin/env bash
# Segment benchmark: five representative segments, each timed for the count and for the first page
# through the packaged service's HTTP API, against the equivalent hand-written SQL run in psql on the
# same data. Prints medians and the ratio HTTP / SQL (targets: ratio <= 2.0; count <= 100 ms where
# an index can serve it). Each side keeps one connection, as a client's pool and a psql session do:
# curl sends a series of requests over one kept-alive connection. Before a request is timed, the
# service is warmed up on it for --warm-up-ms (the JIT needs thousands of requests).
#
#   bench/segment-bench.sh [--db clientbook_bench] [--customers 1000000] [--purchases 10000000]
#                          [--runs 15] [--port 18089] [--warm-up-ms 8000] [--reuse]
#
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust; PGHOST/PGUSER override) and a JDK.
# Without --reuse it (re)creates the database, migrates it by starting the service, loads it with
# bench/generate-data.sh (seed 42) and scores every customer with a real tier run (POST /tier-runs,
# polled until done), so tier and RFM conditions select what they would in production. With --reuse
# it benchmarks the database as it is (e.g. the one bench/tier-run-bench.sh left: same default name).
set -euo pipefail
cd "$(dirname "$0")/.."

db=clientbook_bench; customers=1000000; purchases=10000000; runs=15; port=18089; reuse=0; warm_up_ms=8000
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --customers) customers="$2"; shift 2 ;;
        --purchases) purchases="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --warm-up-ms) warm_up_ms="$2"; shift 2 ;;
        --reuse) reuse=1; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
key=bench-admin-key
base="http://127.0.0.1:$port/api/v1"
work=$(mktemp -d)
service_pid=""
cleanup() { [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests

start_service() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use: stop what listens there or pass --port" >&2; exit 1
    fi
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        QUARKUS_HTTP_PORT="$port" CLIENTBOOK_BOOTSTRAP_ADMIN_KEY="$key" QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
        java -jar "$jar" > "$work/service.log" 2>&1 &
    service_pid=$!
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && return 0
        sleep 1
    done
    echo "service did not become ready; log:" >&2; cat "$work/service.log" >&2; exit 1
}
stop_service() { kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""; }

if [ "$reuse" = 0 ]; then
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    start_service; stop_service   # Flyway migrates at start
    bench/generate-data.sh --db "$db" --customers "$customers" --purchases "$purchases" --seed 42
    psql -X -q -d "$db" -c "VACUUM ANALYZE"
    start_service
    echo "scoring every customer with a tier run (the first over a fresh base writes every row)"
    run=$(curl -sf -X POST -H "Authorization: Bearer $key" "$base/tier-runs" | sed 's/.*"id":"\([^"]*\)".*/\1/')
    until curl -sf -H "Authorization: Bearer $key" "$base/tier-runs/$run" | grep -qE '"status":"(SUCCEEDED|FAILED)"'; do sleep 5; done
    curl -sf -H "Authorization: Bearer $key" "$base/tier-runs/$run" | grep -q '"status":"SUCCEEDED"' \
        || { echo "the tier run failed; see $work/service.log" >&2; exit 1; }
    stop_service
fi

start_service
# Steady state: the scoring run rewrote the tier columns of changed customers; VACUUM sets the visibility
# map again (as autovacuum would soon), so index-only scans need not visit the table.
psql -X -q -d "$db" -c "VACUUM customer" -c "ANALYZE"

# name | filter JSON | hand-written SQL condition over customer c. Each is the SQL someone who knows the
# schema would write: "bought in 90 days" reads the customer's own last_purchase_at (kept exact on every
# purchase, void and change), as the service's compiled filter does.
segments=(
"tier A in region-3, bought in 90 days|{\"and\": [{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"A\"}, {\"field\": \"region\", \"op\": \"eq\", \"value\": \"region-3\"}, {\"purchases\": {\"withinDays\": 90}}]}|c.erased_at IS NULL AND c.tier = 'A' AND c.region = 'region-3' AND c.last_purchase_at >= now() - interval '90 days'"
"birthday within 7 days, SMS consent|{\"and\": [{\"field\": \"birthdayWithinDays\", \"op\": \"lte\", \"value\": 7}, {\"field\": \"consent.SMS\", \"op\": \"eq\", \"value\": true}]}|c.erased_at IS NULL AND (EXTRACT(MONTH FROM c.birth_date) * 100 + EXTRACT(DAY FROM c.birth_date))::int IN (SELECT (EXTRACT(MONTH FROM d) * 100 + EXTRACT(DAY FROM d))::int FROM generate_series(current_date, current_date + 7, interval '1 day') d) AND c.consent -> 'SMS' ->> 'granted' = 'true'"
"bought >= 2 times in 30 days|{\"purchases\": {\"withinDays\": 30}, \"op\": \"gte\", \"count\": 2}|c.erased_at IS NULL AND c.id IN (SELECT p.customer_id FROM purchase p WHERE p.voided_at IS NULL AND p.occurred_at >= now() - interval '30 days' GROUP BY p.customer_id HAVING count(*) >= 2)"
"RFM AT_RISK or CANNOT_LOSE|{\"field\": \"rfm.segment\", \"op\": \"in\", \"value\": [\"AT_RISK\", \"CANNOT_LOSE\"]}|c.erased_at IS NULL AND c.rfm_segment IN ('AT_RISK', 'CANNOT_LOSE')"
"no interaction in 30 days, tag vip|{\"and\": [{\"not\": {\"interactions\": {\"withinDays\": 30}}}, {\"field\": \"tags\", \"op\": \"eq\", \"value\": \"vip\"}]}|c.erased_at IS NULL AND c.tags @> ARRAY['vip'] AND NOT EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = c.id AND i.occurred_at >= now() - interval '30 days')"
)

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# One curl process sending $1 requests over one kept-alive connection, as a client's connection pool would
# and as psql's one session does; prints each request's milliseconds. The last response goes to $4 if given.
requests() {
    local n="$1" path="$2" body="$3" last="${4:-/dev/null}" i urls=()
    for i in $(seq 2 "$n"); do urls+=(-o /dev/null "$base$path"); done
    urls+=(-o "$last" "$base$path")
    curl -s -w '%{time_total}\n' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
        ${body:+-d "$body"} "${urls[@]}" | awk '{printf "%.3f\n", $1 * 1000}'
}

# Warms the JVM up on one request as a long-running service is: the JIT compiles the search, the entity
# loading and the JSON over thousands of requests (a page of 50 was still getting faster after 5,000;
# 8 s is about 3,000 of them, so fast requests are measured a little slower than fully warm).
# Batches over kept-alive connections for about $warm_up_ms ms, each batch sized by the last one's speed.
warm_up() {
    local path="$1" body="$2" n=1 t0 spent avg
    t0=$(date +%s%N)
    while :; do
        avg=$(requests "$n" "$path" "$body" | awk '{s += $1} END {printf "%.3f\n", s / NR}')
        spent=$(( ($(date +%s%N) - t0) / 1000000 ))
        [ "$spent" -ge "$warm_up_ms" ] && return 0
        n=$(awk -v left=$((warm_up_ms - spent)) -v avg="$avg" 'BEGIN {n = int(left / (avg > 0.1 ? avg : 0.1)); print (n < 1 ? 1 : (n > 500 ? 500 : n))}')
    done
}

# Milliseconds of each of $runs HTTP calls (after 3 warm-ups) over one connection; the last response is
# kept in $work/out.json.
http_times() {
    local path="$1" body="$2"
    requests $((runs + 3)) "$path" "$body" "$work/out.json" | tail -n "$runs"
}

# Milliseconds of each of $runs executions in one psql session (after 3 warm-ups), as psql's \timing reports them.
sql_times() {
    local query="$1" i
    { echo '\timing on'; for i in $(seq 1 $((runs + 3))); do echo "$query;"; done; } \
        | psql -X -q -d "$db" -o /dev/null 2>&1 | grep -o 'Time: [0-9.]*' | awk 'NR > 3 {print $2}'
}

# The floor of a first page through HTTP: the plain customer list (no filter), 50 customers as JSON.
warm_up "/customers?limit=50" ""
fh=$(http_times "/customers?limit=50" "" | median)
fs=$(sql_times "SELECT c.* FROM customer c WHERE c.erased_at IS NULL ORDER BY c.created_at, c.id LIMIT 51" | median)
printf '\nfloor: first page of the unfiltered list, HTTP %.1f ms, SQL %.1f ms (%s runs, medians)\n' "$fh" "$fs" "$runs"

printf '\n%-38s %10s %10s %8s %7s | %10s %10s %8s\n' "segment ($runs runs, medians)" "count HTTP" "count SQL" "ratio" "n" "page HTTP" "page SQL" "ratio"
for s in "${segments[@]}"; do
    IFS='|' read -r name filter cond <<< "$s"
    warm_up /customers/count "{\"filter\": $filter}"
    warm_up /customers/search "{\"filter\": $filter, \"limit\": 50}"
    ch=$(http_times /customers/count "{\"filter\": $filter}" | median)
    n=$(sed 's/.*"count":\([0-9]*\).*/\1/' "$work/out.json")
    cs=$(sql_times "SELECT count(*) FROM customer c WHERE $cond" | median)
    ph=$(http_times /customers/search "{\"filter\": $filter, \"limit\": 50}" | median)
    ps=$(sql_times "SELECT c.* FROM customer c WHERE $cond ORDER BY c.created_at, c.id LIMIT 51" | median)
    printf '%-38s %8.1f ms %7.1f ms %8.2f %7s | %7.1f ms %7.1f ms %8.2f\n' "$name" "$ch" "$cs" \
        "$(awk -v a="$ch" -v b="$cs" 'BEGIN {print a / b}')" "$n" "$ph" "$ps" "$(awk -v a="$ph" -v b="$ps" 'BEGIN {print a / b}')"
done

# Export of every customer (a saved segment "purchaseCount >= 0"): time, size, and the JVM heap sampled
# every 200 ms while it streams, against the heap of the idle service just before (flat means the
# export keeps nothing per row: it streams from a cursor).
heap() { curl -sf "http://127.0.0.1:$port/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%d\n", s }'; }
rss() { awk '/VmRSS/ { print $2 * 1024 }' "/proc/$service_pid/status"; }
segment=$(curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"name\": \"bench-everyone-$(date +%s)\", \"filter\": {\"field\": \"stats.purchaseCount\", \"op\": \"gte\", \"value\": 0}}" \
    "$base/segments" | sed -E 's/.*"id":"([^"]+)".*/\1/')
idle_heap=$(heap); idle_rss=$(rss)
t0=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $key" -o "$work/export.csv" "$base/segments/$segment/export" &
export_pid=$!
peak_heap=$idle_heap; peak_rss=$idle_rss
while kill -0 "$export_pid" 2>/dev/null; do
    h=$(heap); [ "$h" -gt "$peak_heap" ] && peak_heap=$h
    r=$(rss); [ "$r" -gt "$peak_rss" ] && peak_rss=$r
    sleep 0.2
done
wait "$export_pid"
t1=$(date +%s.%N)
# The benchmark's segment is not the database's: each run would otherwise leave one more behind.
curl -sf -X DELETE -H "Authorization: Bearer $key" -o /dev/null "$base/segments/$segment"
rows=$(($(wc -l < "$work/export.csv") - 1))
printf '\nexport: %d rows (lines; a note with a line break adds one), %d MiB in %.1f s; heap idle %d MiB, peak %d MiB; RSS idle %d MiB, peak %d MiB\n' \
    "$rows" $(($(stat -c %s "$work/export.csv") / 1048576)) "$(echo "$t1 - $t0" | bc -l)" \
    $((idle_heap / 1048576)) $((peak_heap / 1048576)) $((idle_rss / 1048576)) $((peak_rss / 1048576))
