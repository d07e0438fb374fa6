#!/usr/bin/env bash
# HTTP benchmark of the packaged service, with PostgreSQL's own ceiling measured in the same run.
#
#   bench/http-bench.sh [--customers 200000] [--purchases 2000000] [--duration 20] [--warmup 10] [--jit-warmup 300] [--repeats 3]
#                       [--connections 64] [--pgbench-clients 64] [--batch 1000] [--batch-connections 1,4]
#                       [--scenarios get,list,search,purchase,batch]
#                       [--java-opts "-Xmx… …"] [--starts 3] [--db clientbook_http_bench] [--port 18091] [--reuse] [--keep]
#
# What it does:
# 1. installs wrk (Debian package) when missing and packages the service when the jar is missing;
# 2. creates a fresh database (--db) on the PostgreSQL at 127.0.0.1:5432 (user postgres, trust; PGHOST/PGUSER
#    override), lets the service migrate it, and loads it with bench/generate-data.sh (--seed 42);
#    --reuse skips this and benchmarks the database as it is (it must hold bench/generate-data.sh's data);
# 3. starts the jar --starts times in the prod profile and measures the START TIME: from launching the JVM to
#    the first 200 of /q/health/ready (and Quarkus's own "started in"); the last start stays up;
# 4. warms the JIT up with --jit-warmup s of load spread over the scenarios, then for each scenario,
#    --repeats times: wrk (--connections connections, 2 threads, --warmup s discarded, then --duration s with
#    --latency) against the service, then pgbench (--pgbench-clients clients, 2 threads, -M prepared, --warmup s
#    discarded, then the same duration) running the equivalent SQL (bench/http/*.sql) on the same data;
# 5. reads the RSS (VmRSS, and the peak VmHWM) of the service from /proc after the load run;
# 6. prints medians per scenario: requests/s, p50, p99, pgbench TPS (p50, p99 from its transaction log), and
#    the ratio service (2xx answers/s) / pgbench; batch ingest also as purchases stored/s (2xx answers/s × --batch);
# 7. drops the database unless --keep.
#
# Scenarios (wrk Lua in bench/http/*.lua, pgbench SQL in bench/http/*.sql):
#   get       GET /customers/{id}, random ids of the data  | get-customer.sql (the row by id) and
#                                                            get-customer-audited.sql (the row + its audit entry)
#   list      GET /customers?region=<random>&sort=-totalSpent&limit=50 | list-customers.sql
#   search    POST /customers/search, region + e-mail consent + buying stage, 50 | search-customers.sql
#   purchase  POST /purchases, a new purchase of a random customer | purchase-contract.sql (the contract's writes:
#             lock, purchase and statistics, audit entry, event) and purchase-bare.sql (the purchase row alone)
#   batch     POST /purchases/batch with --batch new purchases, once for each of --batch-connections (wrk
#             connections = pgbench clients) | batch-contract.sql and batch-bare.sql, the same two floors
# After purchase and batch it prints the FOLLOW-UP LAG, p50 and p99 over the purchases of the timed runs: from
# a purchase's event (written just before its commit) to its first follow-up task or skip, read from the
# database (task.created_at, task_skip.skipped_at).
# Reads use an agent key, purchases an integration key, both created through the API (stored keys, as in
# production; the bootstrap key only creates them). The JVM runs with --java-opts (default: the flags the
# README recommends); --java-opts "-XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile" profiles.
set -euo pipefail
cd "$(dirname "$0")/.."

db=clientbook_http_bench; customers=200000; purchases=2000000; seed=42
duration=20; warmup=10; jit_warmup=300; repeats=3; connections=64; threads=2; pg_clients=64; pg_jobs=2; batch=1000
batch_connections=1,4; scenarios=get,list,search,purchase,batch; starts=3; port=18091; reuse=0; keep=0
java_opts=""
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --customers) customers="$2"; shift 2 ;;
        --purchases) purchases="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --jit-warmup) jit_warmup="$2"; shift 2 ;;
        --repeats) repeats="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --pgbench-clients) pg_clients="$2"; shift 2 ;;
        --batch) batch="$2"; shift 2 ;;
        --batch-connections) batch_connections="$2"; shift 2 ;;
        --scenarios) scenarios="$2"; shift 2 ;;
        --java-opts) java_opts="$2"; shift 2 ;;
        --starts) starts="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --reuse) reuse=1; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,39p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--db must be a plain lower-case name" >&2; exit 2; }
for n in "$customers" "$purchases" "$seed" "$duration" "$warmup" "$jit_warmup" "$repeats" "$connections" "$pg_clients" "$batch" "$starts" "$port"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "numbers expected, got '$n'" >&2; exit 2; }
done
[[ "$batch_connections" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "--batch-connections: a list like 1,4" >&2; exit 2; }
[ "$starts" -ge 1 ] && [ "$repeats" -ge 1 ] || { echo "--starts and --repeats must be at least 1" >&2; exit 2; }
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"

admin_key=bench-admin-key-$RANDOM$RANDOM
base="http://127.0.0.1:$port"
jar=target/quarkus-app/quarkus-run.jar
work=$(mktemp -d /tmp/http-bench.XXXXXX)
service_pid=""
started=$(date +%s)
say() { echo "[$(($(date +%s) - started)) s] $*" >&2; }
cleanup() {
    if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
    if [ "$keep" = 0 ] && [ "${db_created:-0}" = 1 ]; then
        psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# --- tools and the jar --------------------------------------------------------------------------
if ! command -v wrk > /dev/null; then
    say "installing wrk"
    apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
fi
command -v pgbench > /dev/null || { echo "pgbench is needed (Debian: postgresql-client or postgresql-contrib)" >&2; exit 1; }
if [ ! -f "$jar" ]; then
    say "packaging the service"
    ./mvnw -B -q package -DskipTests
fi
# The AppCDS archive the default --java-opts name is made by the package (quarkus.package.jar.appcds) in
# target/quarkus-app, where the service is started; a jar packaged without it runs without it.
if [[ "$java_opts" == *SharedArchiveFile=* ]]; then
    archive=$(sed -E 's/.*-XX:SharedArchiveFile=([^ ]+).*/\1/' <<< "$java_opts")
    (cd target/quarkus-app && [ -f "$archive" ]) \
        || { say "no AppCDS archive $archive in target/quarkus-app: running without it"; java_opts=$(sed -E 's/-XX:SharedArchiveFile=[^ ]+//' <<< "$java_opts"); }
fi

# --- the service --------------------------------------------------------------------------------
now_ms() { date +%s%3N; }
# From target/quarkus-app, as the README runs it: the AppCDS archive records the class path relative to it.
start_service() {
    local t0
    t0=$(now_ms)
    # shellcheck disable=SC2086 # java_opts is a list of flags
    (cd target/quarkus-app && QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-unused}" QUARKUS_HTTP_PORT="$port" CLIENTBOOK_BOOTSTRAP_ADMIN_KEY="$admin_key" \
        exec java $java_opts -jar quarkus-run.jar) > "$work/service.log" 2>&1 &
    service_pid=$!
    until curl -sf -o /dev/null "$base/q/health/ready"; do
        if ! kill -0 "$service_pid" 2>/dev/null || [ $(($(now_ms) - t0)) -gt 180000 ]; then
            echo "the service did not become ready; its log:" >&2; tail -50 "$work/service.log" >&2; exit 1
        fi
        sleep 0.02
    done
    start_ms=$(($(now_ms) - t0))
    # CPU seconds the JVM spent until ready (all its threads): less at the mercy of other load than the wall time.
    start_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$service_pid/stat")
    quarkus_started=$(grep -o 'started in [0-9.]*s' "$work/service.log" | head -1 | grep -o '[0-9.]*' || echo "?")
}
stop_service() {
    kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""
}

db_created=0
if [ "$reuse" = 0 ]; then
    say "creating database $db"
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    db_created=1
    start_service
    say "first start, migrating the empty database: ready after $start_ms ms (Quarkus: started in ${quarkus_started}s; ${start_cpu} s CPU)"
    stop_service
    bench/generate-data.sh --db "$db" --customers "$customers" --purchases "$purchases" --seed "$seed" >&2
else
    customers=$(psql -X -At -d "$db" -c "SELECT count(*) FROM customer")
fi

starts_ms=(); starts_quarkus=(); starts_cpu=()
for i in $(seq 1 "$starts"); do
    [ -n "$service_pid" ] && stop_service
    start_service
    starts_ms+=("$start_ms"); starts_quarkus+=("$quarkus_started"); starts_cpu+=("$start_cpu")
    say "start $i: ready after $start_ms ms (Quarkus: started in ${quarkus_started}s; ${start_cpu} s CPU)"
done

api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:3}" "$base$2"; }
secret_of() { sed -E 's/.*"key":"([^"]+)".*/\1/'; }
agent_key=$(api "$admin_key" /api/v1/api-keys -d '{"name": "bench-agent", "role": "agent"}' | secret_of)
shop_key=$(api "$admin_key" /api/v1/api-keys -d '{"name": "bench-shop", "role": "integration"}' | secret_of)
psql -X -At -d "$db" -c "SELECT id FROM customer WHERE erased_at IS NULL" > "$work/ids.txt"
say "$(wc -l < "$work/ids.txt") customer ids exported for wrk"

# Each scenario once by hand before it is timed: a bench that only counts errors measures nothing.
one_id=$(head -1 "$work/ids.txt")
api "$agent_key" "/api/v1/customers/$one_id" -o /dev/null
api "$agent_key" "/api/v1/customers?region=region-1&sort=-totalSpent&limit=50" -o /dev/null
api "$agent_key" /api/v1/customers/search -o /dev/null \
    -d '{"filter": {"and": [{"field": "region", "op": "eq", "value": "region-1"}, {"field": "consent.EMAIL", "op": "eq", "value": true}, {"field": "buyingStage", "op": "eq", "value": "CUSTOMER"}]}, "limit": 50}'
check_batch=$(api "$shop_key" /api/v1/purchases/batch -d "{\"purchases\": [{\"customerId\": \"$one_id\", \"externalId\": \"bench-check-$RANDOM$RANDOM\", \"occurredAt\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"amount\": 1.50, \"currency\": \"EUR\"}]}")
grep -q '"created":1' <<< "$check_batch" || { echo "batch check failed: $check_batch" >&2; exit 1; }

# --- load runs ----------------------------------------------------------------------------------
to_ms() { awk '{v = $1; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f\n", v * f}'; }
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# wrk SCRIPT KEY SECONDS [CONNECTIONS] -> "rps p50_ms p99_ms non2xx timeouts ok_rps statuses" (statuses: "200=n,503=m"
# from scripts that count them, else "-")
run_wrk() {
    local script="$1" key="$2" secs="$3" conns="${4:-$connections}" out="$work/wrk.out"
    BENCH_KEY="$key" BENCH_IDS="$work/ids.txt" BENCH_RUN="$(date +%s%N)" BENCH_BATCH="$batch" BENCH_LUA_DIR="$PWD/bench/http" \
        wrk -t"$((conns < threads ? conns : threads))" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "bench/http/$script" "$base" > "$out" 2>&1 \
        || { cat "$out" >&2; exit 1; }
    local rps p50 p99 bad timeouts
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p50=$(awk '$1 == "50%" {print $2}' "$out" | to_ms)
    p99=$(awk '$1 == "99%" {print $2}' "$out" | to_ms)
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out"); bad=${bad:-0}
    timeouts=$(awk '/Socket errors:/ {print $NF}' "$out"); timeouts=${timeouts:-0}
    # Requests/s that succeeded: a 503 (ingest-busy) is answered quickly and must not count as work done.
    local total ok
    total=$(awk '/ requests in / {print $1}' "$out")
    ok=$(awk -v r="$rps" -v t="${total:-0}" -v b="$bad" 'BEGIN {printf "%.2f", (t > 0) ? r * (t - b) / t : 0}')
    local statuses
    statuses=$(awk '/^statuses: / {print $2}' "$out"); statuses=${statuses:--}
    echo "$rps $p50 $p99 $bad $timeouts $ok $statuses"
}

# pgbench SQL SECONDS [CLIENTS] -> "tps p50_ms p99_ms failed" (latencies from the per-transaction log)
run_pgbench() {
    local sql="$1" secs="$2" clients="${3:-$pg_clients}" out="$work/pgbench.out"
    rm -f "$work"/pglog*
    pgbench -n -M prepared -c "$clients" -j "$((clients < pg_jobs ? clients : pg_jobs))" -T "$secs" -l --log-prefix="$work/pglog" \
        -D customers="$customers" -D idprefix="$seed:c:" -D batch="$batch" -f "bench/http/$sql" "$db" > "$out" 2>&1 \
        || { cat "$out" >&2; exit 1; }
    local tps failed lat
    tps=$(awk '/^tps = / {print $3}' "$out")
    failed=$(awk '/number of failed transactions:/ {print $5}' "$out"); failed=${failed:-0}
    lat=$(cat "$work"/pglog* | awk '{print $3 / 1000}' | sort -g | awk '{a[NR] = $1} END {printf "%.2f %.2f\n", a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1]}')
    echo "$tps $lat $failed"
}

# name | wrk script | key | pgbench scripts (space-separated)
declare -A lua=([get]=get-customer.lua [list]=list-customers.lua [search]=search-customers.lua
                [purchase]=post-purchase.lua [batch]=batch-purchases.lua)
declare -A sqls=([get]="get-customer.sql get-customer-audited.sql" [list]=list-customers.sql
                 [search]=search-customers.sql [purchase]="purchase-contract.sql purchase-bare.sql"
                 [batch]="batch-contract.sql batch-bare.sql")
declare -A keys=([get]="$agent_key" [list]="$agent_key" [search]="$agent_key" [purchase]="$shop_key" [batch]="$shop_key")

# Follow-up lag of the purchases whose events were written between two database times: p50 and p99 in ms,
# from the event to the first task or skip of the first rule (the worker makes both rules' in one transaction).
followup_lag() {
    psql -X -At -F ' ' -d "$db" -v from="$1" -v to="$2" <<'SQL'
SELECT coalesce(round(1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY lag))::text, 'none'),
       coalesce(round(1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY lag))::text, 'none'),
       count(*), count(*) FILTER (WHERE lag IS NULL)
FROM (SELECT extract(epoch FROM least(
                 (SELECT t.created_at FROM task t WHERE t.source = 'THANK_YOU' AND t.customer_id = e.subject
                                                   AND t.trigger_key = 'purchase:' || (e.data ->> 'purchaseId')),
                 (SELECT k.skipped_at FROM task_skip k WHERE k.source = 'THANK_YOU' AND k.customer_id = e.subject
                                                        AND k.trigger_key = 'purchase:' || (e.data ->> 'purchaseId')))
                 - e.occurred_at) AS lag
      FROM event_outbox e
      WHERE e.type = 'purchase.recorded' AND e.occurred_at BETWEEN :'from' AND :'to') l
SQL
}
db_now() { psql -X -At -d "$db" -c "SELECT clock_timestamp()"; }

report="$work/report.txt"; : > "$report"
IFS=',' read -r -a named <<< "$scenarios"
IFS=',' read -r -a batch_conns <<< "$batch_connections"
chosen=()   # scenario or scenario@connections
for s in "${named[@]}"; do
    [ -n "${lua[$s]:-}" ] || { echo "unknown scenario $s" >&2; exit 2; }
    if [ "$s" = batch ]; then
        for c in "${batch_conns[@]}"; do chosen+=("batch@$c"); done
    else
        chosen+=("$s")
    fi
done
# The JIT needs minutes of load on 2 busy cores before the hot paths run C2-compiled code (JVM CPU per
# GET fell from 2.7 ms to 0.5 ms over six minutes); measure that state, not the warm-up.
if [ "$jit_warmup" -gt 0 ]; then
    each=$((jit_warmup / ${#named[@]})); [ "$each" -ge 1 ] || each=1
    for s in "${named[@]}"; do
        say "JIT warm-up: $s for ${each}s"
        run_wrk "${lua[$s]}" "${keys[$s]}" "$each" > /dev/null
    done
fi
for entry in "${chosen[@]}"; do
    s=${entry%@*}; wc=$connections; pc=$pg_clients
    [ "$entry" != "$s" ] && { wc=${entry#*@}; pc=$wc; }
    say "scenario $entry (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    : > "$work/$entry.wrk"; : > "$work/$entry.lag"
    for sql in ${sqls[$s]}; do : > "$work/$entry.$sql"; done
    for r in $(seq 1 "$repeats"); do
        [ "$warmup" -gt 0 ] && run_wrk "${lua[$s]}" "${keys[$s]}" "$warmup" "$wc" > /dev/null
        from=$(db_now)
        w=$(run_wrk "${lua[$s]}" "${keys[$s]}" "$duration" "$wc"); echo "$w" >> "$work/$entry.wrk"
        say "  $entry #$r wrk: rps p50 p99 non-2xx timeouts 2xx-rps statuses = $w"
        if [ "$s" = purchase ] || [ "$s" = batch ]; then
            to=$(db_now); sleep 5   # the worker's last batch of the run
            l=$(followup_lag "$from" "$to"); echo "$l" >> "$work/$entry.lag"
            say "  $entry #$r follow-up lag: p50 p99 (ms) purchases without-follow-up = $l"
        fi
        for sql in ${sqls[$s]}; do
            [ "$warmup" -gt 0 ] && run_pgbench "$sql" "$warmup" "$pc" > /dev/null
            p=$(run_pgbench "$sql" "$duration" "$pc"); echo "$p" >> "$work/$entry.$sql"
            say "  $entry #$r pgbench $sql: tps p50 p99 failed = $p"
        done
    done
    col() { awk -v c="$2" '{print $c}' "$1" | median; }
    sum() { awk -v c="$2" '{t += $c} END {print t + 0}' "$1"; }
    rps=$(col "$work/$entry.wrk" 1); p50=$(col "$work/$entry.wrk" 2); p99=$(col "$work/$entry.wrk" 3); ok_rps=$(col "$work/$entry.wrk" 6)
    bad=$(sum "$work/$entry.wrk" 4); tmo=$(sum "$work/$entry.wrk" 5)
    all_rps=$(awk '{printf "%s%s", sep, $1; sep = "/"}' "$work/$entry.wrk")
    all_statuses=$(awk '{printf "%s%s", sep, $7; sep = " "}' "$work/$entry.wrk")
    for sql in ${sqls[$s]}; do
        f="$work/$entry.$sql"
        tps=$(col "$f" 1); pp50=$(col "$f" 2); pp99=$(col "$f" 3); failed=$(sum "$f" 4)
        all_tps=$(awk '{printf "%s%s", sep, $1; sep = "/"}' "$f")
        ratio=$(awk -v a="$ok_rps" -v b="$tps" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
        extra=""
        [ "$s" = batch ] && extra=$(awk -v a="$ok_rps" -v b="$tps" -v n="$batch" 'BEGIN {printf " purchases stored/s (2xx only): service %.0f, pgbench %.0f", a * n, b * n}')
        printf '%-11s %-25s | service %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  (%s; non-2xx %s, timeouts %s; statuses %s; %s conns) | pgbench %9.1f tps  p50 %8.2f ms  p99 %8.2f ms  (%s; failed %s; %s clients) | ratio %s%s\n' \
            "$entry" "$sql" "$rps" "$p50" "$p99" "$all_rps" "$bad" "$tmo" "$all_statuses" "$wc" "$tps" "$pp50" "$pp99" "$all_tps" "$failed" "$pc" "$ratio" "$extra" >> "$report"
    done
    if [ -s "$work/$entry.lag" ]; then
        printf '%-11s follow-up lag             | p50 %s ms  p99 %s ms (medians of the runs; per run p50/p99: %s); purchases without follow-up after 5 s: %s\n' \
            "$entry" "$(col "$work/$entry.lag" 1)" "$(col "$work/$entry.lag" 2)" \
            "$(awk '{printf "%s%s/%s", sep, $1, $2; sep = " "}' "$work/$entry.lag")" "$(sum "$work/$entry.lag" 4)" >> "$report"
    fi
done

rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$service_pid/status")
hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$service_pid/status")
gc=$(jstat -gc "$service_pid" 2>/dev/null | awk 'NR == 2 {printf "young collections %d (%.2f s), full %d (%.2f s), heap used %.0f MB of %.0f MB committed", $(NF-6), $(NF-5), $(NF-4), $(NF-3), ($3 + $4 + $6 + $8) / 1024, ($1 + $2 + $5 + $7) / 1024}' || true)

echo
echo "== Clientbook HTTP benchmark: $customers customers, $purchases purchases loaded; $connections wrk connections, $pg_clients pgbench clients; ${duration}s x $repeats (medians; per-run values in brackets)"
echo "java $java_opts -jar $jar   ($(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'start (launch -> first 200 of /q/health/ready): median %s ms  [%s ms]; Quarkus "started in": median %ss  [%ss]; JVM CPU until ready: median %ss  [%ss]\n' \
    "$(printf '%s\n' "${starts_ms[@]}" | median)" "$(IFS=/; echo "${starts_ms[*]}")" \
    "$(printf '%s\n' "${starts_quarkus[@]}" | median)" "$(IFS=/; echo "${starts_quarkus[*]}")" \
    "$(printf '%s\n' "${starts_cpu[@]}" | median)" "$(IFS=/; echo "${starts_cpu[*]}")"
printf 'RSS after the load run: %d MB (VmRSS; peak VmHWM %d MB)\n' $((rss_kb / 1024)) $((hwm_kb / 1024))
[ -n "$gc" ] && echo "GC during the run: $gc"
cat "$report"
