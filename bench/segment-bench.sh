#!/usr/bin/env bash
# Segment benchmark: five representative segments, each timed for the count and for the first page
# through the packaged service's HTTP API, against the equivalent hand-written SQL run in psql on the
# same data. Prints medians and the ratio HTTP / SQL (targets: ratio <= 2.0; count <= 100 ms where
# an index can serve it).
#
#   bench/segment-bench.sh [--db clientbook_bench_seg] [--customers 1000000] [--purchases 10000000]
#                          [--runs 15] [--port 18089] [--reuse]
#
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust; PGHOST/PGUSER override) and a JDK.
# Without --reuse it (re)creates the database, migrates it by starting the service once, loads it
# with bench/generate-data.sh (seed 42) and fills tier and RFM with a simple SQL ranking (the tier
# job is not part of this branch): tier by cumulative share of total_spent (80 % / 95 %), RFM scores
# as quintiles of last purchase, purchase count and total spent, segments named from the scores.
# With --reuse it benchmarks the database as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

db=clientbook_bench_seg; customers=1000000; purchases=10000000; runs=15; port=18089; reuse=0
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --customers) customers="$2"; shift 2 ;;
        --purchases) purchases="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --reuse) reuse=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
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
    echo "filling tier and RFM by SQL ranking (no tier job in this branch)"
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
SET synchronous_commit = off;
WITH ranked AS (
    SELECT id,
           sum(total_spent) OVER (ORDER BY total_spent DESC, id) / nullif(sum(total_spent) OVER (), 0) AS share,
           ntile(5) OVER (ORDER BY coalesce(last_purchase_at, '-infinity'), id) AS r,
           ntile(5) OVER (ORDER BY purchase_count, id) AS f,
           ntile(5) OVER (ORDER BY total_spent, id) AS m
    FROM customer WHERE erased_at IS NULL)
UPDATE customer c
SET tier = CASE WHEN x.share <= 0.80 THEN 'A' WHEN x.share <= 0.95 THEN 'B' ELSE 'C' END,
    rfm_recency = x.r, rfm_frequency = x.f, rfm_monetary = x.m,
    rfm_segment = CASE WHEN x.r >= 4 AND x.f >= 4 THEN 'CHAMPIONS'
                       WHEN x.r <= 2 AND x.f >= 4 AND x.m >= 4 THEN 'CANNOT_LOSE'
                       WHEN x.r <= 2 AND x.f >= 3 THEN 'AT_RISK'
                       WHEN x.r >= 3 AND x.f >= 3 THEN 'LOYAL'
                       WHEN x.r <= 2 THEN 'HIBERNATING'
                       ELSE 'POTENTIAL' END
FROM ranked x WHERE x.id = c.id;
VACUUM ANALYZE customer;
SQL
fi

start_service
psql -X -q -d "$db" -c "ANALYZE"

# name | filter JSON | hand-written SQL condition over customer c
segments=(
"tier A in region-3, bought in 90 days|{\"and\": [{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"A\"}, {\"field\": \"region\", \"op\": \"eq\", \"value\": \"region-3\"}, {\"purchases\": {\"withinDays\": 90}}]}|c.erased_at IS NULL AND c.tier = 'A' AND c.region = 'region-3' AND EXISTS (SELECT 1 FROM purchase p WHERE p.customer_id = c.id AND p.voided_at IS NULL AND p.occurred_at >= now() - interval '90 days')"
"birthday within 7 days, SMS consent|{\"and\": [{\"field\": \"birthdayWithinDays\", \"op\": \"lte\", \"value\": 7}, {\"field\": \"consent.SMS\", \"op\": \"eq\", \"value\": true}]}|c.erased_at IS NULL AND (EXTRACT(MONTH FROM c.birth_date) * 100 + EXTRACT(DAY FROM c.birth_date))::int IN (SELECT (EXTRACT(MONTH FROM d) * 100 + EXTRACT(DAY FROM d))::int FROM generate_series(current_date, current_date + 7, interval '1 day') d) AND c.consent -> 'SMS' ->> 'granted' = 'true'"
"bought >= 2 times in 30 days|{\"purchases\": {\"withinDays\": 30}, \"op\": \"gte\", \"count\": 2}|c.erased_at IS NULL AND c.id IN (SELECT p.customer_id FROM purchase p WHERE p.voided_at IS NULL AND p.occurred_at >= now() - interval '30 days' GROUP BY p.customer_id HAVING count(*) >= 2)"
"RFM AT_RISK or CANNOT_LOSE|{\"field\": \"rfm.segment\", \"op\": \"in\", \"value\": [\"AT_RISK\", \"CANNOT_LOSE\"]}|c.erased_at IS NULL AND c.rfm_segment IN ('AT_RISK', 'CANNOT_LOSE')"
"no interaction in 30 days, tag vip|{\"and\": [{\"not\": {\"interactions\": {\"withinDays\": 30}}}, {\"field\": \"tags\", \"op\": \"eq\", \"value\": \"vip\"}]}|c.erased_at IS NULL AND c.tags @> ARRAY['vip'] AND NOT EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = c.id AND i.occurred_at >= now() - interval '30 days')"
)

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# Milliseconds of each of $runs HTTP calls (after 3 warm-ups).
http_times() {
    local path="$1" body="$2" i
    for i in $(seq 1 $((runs + 3))); do
        t=$(curl -s -o "$work/out.json" -w '%{time_total}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
            -d "$body" "$base$path")
        [ "$i" -gt 3 ] && awk -v t="$t" 'BEGIN {printf "%.3f\n", t * 1000}'
    done
    return 0
}

# Milliseconds of each of $runs executions in one psql session (after 3 warm-ups), as psql's \timing reports them.
sql_times() {
    local query="$1" i
    { echo '\timing on'; for i in $(seq 1 $((runs + 3))); do echo "$query;"; done; } \
        | psql -X -q -d "$db" -o /dev/null 2>&1 | grep -o 'Time: [0-9.]*' | awk 'NR > 3 {print $2}'
}

printf '\n%-38s %10s %10s %8s %7s | %10s %10s %8s\n' "segment ($runs runs, medians)" "count HTTP" "count SQL" "ratio" "n" "page HTTP" "page SQL" "ratio"
for s in "${segments[@]}"; do
    IFS='|' read -r name filter cond <<< "$s"
    ch=$(http_times /customers/count "{\"filter\": $filter}" | median)
    n=$(sed 's/.*"count":\([0-9]*\).*/\1/' "$work/out.json")
    cs=$(sql_times "SELECT count(*) FROM customer c WHERE $cond" | median)
    ph=$(http_times /customers/search "{\"filter\": $filter, \"limit\": 50}" | median)
    ps=$(sql_times "SELECT c.* FROM customer c WHERE $cond ORDER BY c.created_at, c.id LIMIT 51" | median)
    printf '%-38s %8.1f ms %7.1f ms %8.2f %7s | %7.1f ms %7.1f ms %8.2f\n' "$name" "$ch" "$cs" \
        "$(awk -v a="$ch" -v b="$cs" 'BEGIN {print a / b}')" "$n" "$ph" "$ps" "$(awk -v a="$ph" -v b="$ps" 'BEGIN {print a / b}')"
done
