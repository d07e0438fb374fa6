#!/usr/bin/env bash
# Two instances of the packaged service on one PostgreSQL database, checked end to end. Prints PASS or
# FAIL per check and exits non-zero when any check fails.
#
#   bench/two-instances.sh [--customers 100000] [--purchases 1000000] [--rounds 50] [--firings 4]
#                          [--ports 28091,28092] [--build]
#
# Part 1, replicas (database clientbook_2i_<pid>_replicas, 5,000 generated customers): both instances
# run the tier schedule and the daily task job every 20 s (the same cron on both).
#   (a) each scheduled tier firing makes exactly one tier run; the other instance logs its skip;
#   (b) each firing of the daily job runs on exactly one instance: the birthday greetings of customers
#       added before the firing are created by that firing, once;
#   (c) --rounds times, two PATCHes of one customer with the same If-Match, one to each instance at the
#       same moment: exactly one 200 and one 412 per round, and the record and its audit trail hold
#       exactly the winners' changes;
#   (e) SIGTERM one instance 2 s before a firing: its readiness goes DOWN while it is still alive, its
#       scheduler takes no new work, the other instance takes the firing, the process exits in time.
#   (f) a PATCH waiting on a row lock when SIGTERM comes is answered 200 and stored, after the readiness delay;
#       during the delay new requests are still served while readiness is 503; the process exits after the answer.
# Part 2, shutdown during a tier run (database clientbook_2i_<pid>_shutdown, --customers/--purchases
# generated, schedules off):
#   (d) start a tier run on one instance (the first run: it writes every customer), SIGTERM it mid-run:
#       the process exits within the shutdown timeout, the run is FAILED "interrupted by shutdown" (not
#       left RUNNING), the tiers are unchanged, nothing of the run is left in PostgreSQL, and the other
#       instance starts a new run that completes.
#
# It packages the service when target/quarkus-app/quarkus-run.jar is missing (or with --build), uses the
# PostgreSQL at PGHOST/PGUSER (default 127.0.0.1, postgres; trust auth), keeps the instances' logs in
# target/two-instances/, and stops the instances and drops its databases when it ends, however it ends.
set -euo pipefail

customers=100000; purchases=1000000; rounds=50; firings=4; ports=28091,28092; build=false
while [ $# -gt 0 ]; do
    case "$1" in
        --customers) customers="$2"; shift 2 ;;
        --purchases) purchases="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --firings) firings="$2"; shift 2 ;;
        --ports) ports="$2"; shift 2 ;;
        --build) build=true; shift ;;
        -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$customers" =~ ^[1-9][0-9]*$ && "$purchases" =~ ^[0-9]+$ && "$rounds" =~ ^[1-9][0-9]*$ && "$firings" =~ ^[1-9][0-9]*$ ]] \
    || { echo "--customers, --purchases, --rounds and --firings must be whole numbers" >&2; exit 2; }
[[ "$ports" =~ ^[0-9]+,[0-9]+$ ]] || { echo "--ports must be two ports: 28091,28092" >&2; exit 2; }
port_a=${ports%,*}; port_b=${ports#*,}
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
cd "$(dirname "$0")/.."

key="two-instances-admin-key"
jar=target/quarkus-app/quarkus-run.jar
logs=target/two-instances
db_replicas="clientbook_2i_$$_replicas"
db_shutdown="clientbook_2i_$$_shutdown"
# Shutdown budget of the prod profile: pre-shutdown delay (readiness DOWN) + graceful timeout.
shutdown_budget=35
period=20
mkdir -p "$logs"
started=$(date +%s)
say() { echo "[$(($(date +%s) - started)) s] $*"; }

failures=0; passes=0
check() { # check <name> <0|1 (1 = pass)> <detail>
    if [ "$2" = 1 ]; then passes=$((passes + 1)); echo "PASS $1 — $3"; else failures=$((failures + 1)); echo "FAIL $1 — $3"; fi
}

pids=()
dbs=()
# A stopped instance leaves the list, so the trap never signals a pid the system may have given to another process.
forget() { local p keep=(); for p in "${pids[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done; pids=("${keep[@]}"); }
cleanup() {
    local p
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do
        for _ in $(seq 1 $((shutdown_budget + 15))); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
        kill -KILL "$p" 2>/dev/null || true
    done
    for d in "${dbs[@]}"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
}
trap cleanup EXIT

sql() { local db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
api() { curl -s -H "Authorization: Bearer $key" "$@"; }
epoch() { date +%s.%N; }

# start <var> <port> <db> <cron|off> <log>: starts an instance in the background, its pid in <var>.
start_instance() {
    local var=$1 port=$2 db=$3 cron=$4 log=$5
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use" >&2; exit 1; fi
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_DATASOURCE_PASSWORD="" QUARKUS_HTTP_PORT="$port" CLIENTBOOK_BOOTSTRAP_ADMIN_KEY="$key" \
    CLIENTBOOK_TIERS_SCHEDULE_CRON="$cron" CLIENTBOOK_TASKS_DAILY_JOB_CRON="$cron" \
        java ${TWO_INSTANCES_JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    printf -v "$var" '%s' "$pid"
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return 0
        kill -0 "$pid" 2>/dev/null || { echo "the instance on $port stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; }
        sleep 0.5
    done
    echo "the instance on $port did not get ready in 120 s; see $log" >&2; exit 1
}

# stop_instance <pid>: SIGTERM, then waits; prints the seconds it took to exit and its exit status.
stop_instance() {
    local pid=$1 t0 rc
    t0=$(epoch)
    kill -TERM "$pid"
    rc=0; wait "$pid" || rc=$?
    printf '%.1f %s\n' "$(echo "$(epoch) - $t0" | bc -l)" "$rc"
}

# The messages an instance logged (JSON lines in prod): "<epoch seconds> <message>" per line.
messages() {
    python3 - "$1" <<'PY'
import json, sys, datetime
for line in open(sys.argv[1], errors="replace"):
    if not line.startswith("{"):
        continue
    try:
        r = json.loads(line)
    except ValueError:
        continue
    t = datetime.datetime.fromisoformat(r["timestamp"][:26].rstrip("Z") + "+00:00").timestamp()
    print("%.3f %s" % (t, r.get("message", "").replace("\n", " ")))
PY
}

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

if $build || [ ! -f "$jar" ]; then
    say "packaging the service"
    ./mvnw -B -q package -DskipTests
fi

# ------------------------------------------------------------------------------------------------
say "part 1: replicas — database $db_replicas, both schedules every $period s on both instances"
psql -X -q -d postgres -c "CREATE DATABASE $db_replicas"
dbs+=("$db_replicas")
cron="0/$period * * * * ?"
log_a="$logs/replicas-a.log"; log_b="$logs/replicas-b.log"
start_instance pid_a "$port_a" "$db_replicas" "$cron" "$log_a"
say "instance A (pid $pid_a, port $port_a) is up and migrated the schema"
bench/generate-data.sh --db "$db_replicas" --customers 5000 --purchases 50000 | tail -1 | sed 's/^/    /'
start_instance pid_b "$port_b" "$db_replicas" "$cron" "$log_b"
say "instance B (pid $pid_b, port $port_b) is up"
host=$(hostname)
inst_a="$host pid $pid_a"; inst_b="$host pid $pid_b"

# Customers whose birthday is tomorrow (EMAIL consent): the daily job's next firing greets them.
md=$(date -u -d tomorrow +%m-%d)
new_birthday_customers() { # <batch>: five customers, alternately through A and B; prints their ids
    local i port id
    for i in 1 2 3 4 5; do
        port=$([ $((i % 2)) = 1 ] && echo "$port_a" || echo "$port_b")
        id=$(api -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$port/api/v1/customers" \
            -d "{\"lastName\":\"Birthday $1-$i\",\"birthDate\":\"1992-$md\",\"preferredChannel\":\"EMAIL\",\"consent\":{\"EMAIL\":{\"granted\":true}}}" \
            | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
        echo "$id"
    done
}

# (c) The customer the PATCH rounds fight over.
patch_customer=$(api -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$port_a/api/v1/customers" \
    -d '{"lastName":"Contested","notes":"initial","owner":"initial"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

patch_rounds() {
    local r etag sa sb out=$logs/patches.txt
    : >"$out"
    for r in $(seq 1 "$rounds"); do
        etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:$port_a/api/v1/customers/$patch_customer" \
            | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
        # A writes notes, B writes owner: the final record shows which patches won.
        curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $key" -H "If-Match: $etag" \
            -H 'Content-Type: application/merge-patch+json' -H "X-Request-Id: 2i-round-$r-A" \
            -d "{\"notes\":\"round $r A\"}" "http://127.0.0.1:$port_a/api/v1/customers/$patch_customer" >"$logs/round-a" &
        sa=$!
        curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $key" -H "If-Match: $etag" \
            -H 'Content-Type: application/merge-patch+json' -H "X-Request-Id: 2i-round-$r-B" \
            -d "{\"owner\":\"round $r B\"}" "http://127.0.0.1:$port_b/api/v1/customers/$patch_customer" >"$logs/round-b" &
        sb=$!
        wait "$sa" "$sb" || true
        echo "$r $etag $(cat "$logs/round-a") $(cat "$logs/round-b")" >>"$out"
    done
}

say "PATCH rounds: $rounds, A and B at once with the same If-Match"
patch_rounds

# Firings f_1..f_n: the cron instants from 10 s from now on.
now=$(date +%s)
first=$(( (now + 10 + period - 1) / period * period ))
fire=(); for k in $(seq 0 $((firings - 1))); do fire+=($((first + k * period))); done
say "watching $firings firings: $(for f in "${fire[@]}"; do printf '%s ' "$(date -u -d "@$f" +%T)"; done)"

batches=()
for k in $(seq 0 $((firings - 1))); do
    f=${fire[$k]}
    batches+=("$(new_birthday_customers $((k + 1)) | tr '\n' ' ')")
    # Wait for the firing, and for its work to end.
    while [ "$(date +%s)" -lt $((f + 6)) ]; do sleep 0.5; done
    say "firing $(date -u -d "@$f" +%T) passed"
done

messages "$log_a" >"$logs/replicas-a.msg"; messages "$log_b" >"$logs/replicas-b.msg"

# (a) one tier run per firing.
ok_a=1; detail_a=""
for f in "${fire[@]}"; do
    t=$(iso "$f")
    runs=$(sql "$db_replicas" -c "SELECT count(*) FROM tier_run WHERE run_trigger = 'SCHEDULE' AND status = 'SUCCEEDED'
        AND started_at >= to_timestamp($f) AND started_at < to_timestamp($f + $period)")
    claim=$(sql "$db_replicas" -c "SELECT instance FROM scheduled_firing WHERE job = 'tier-run' AND scheduled_at = to_timestamp($f)")
    ran_a=$(grep -c "started (SCHEDULE of $t" "$logs/replicas-a.msg" || true)
    ran_b=$(grep -c "started (SCHEDULE of $t" "$logs/replicas-b.msg" || true)
    skip_a=$(grep -c "Scheduled tier run of $t skipped" "$logs/replicas-a.msg" || true)
    skip_b=$(grep -c "Scheduled tier run of $t skipped" "$logs/replicas-b.msg" || true)
    who=$([ "$ran_a" = 1 ] && echo A || echo B)
    detail_a+="$(date -u -d "@$f" +%T): $runs run by $who, skip logged A $skip_a B $skip_b; "
    expected=$([ "$who" = A ] && echo "$inst_a" || echo "$inst_b")
    if [ "$runs" != 1 ] || [ $((ran_a + ran_b)) != 1 ] || [ "$claim" != "$expected" ] \
        || [ "$who" = A -a "$skip_b" != 1 ] || [ "$who" = B -a "$skip_a" != 1 ]; then ok_a=0; fi
done
check "(a) one tier run per scheduled firing" "$ok_a" "$detail_a"

# (b) the daily job: once per firing, its birthday greetings created once, by that firing.
ok_b=1; detail_b=""
for k in $(seq 0 $((firings - 1))); do
    f=${fire[$k]}; t=$(iso "$f")
    ids=$(echo "${batches[$k]}" | xargs -n1 | sed "s/.*/'&'/" | paste -sd,)
    greeted=$(sql "$db_replicas" -c "SELECT count(DISTINCT customer_id) || ' ' || count(*) FROM task WHERE source = 'BIRTHDAY_GREETING'
        AND customer_id IN ($ids) AND created_at >= to_timestamp($f) AND created_at < to_timestamp($f + $period)")
    ran=$(cat "$logs/replicas-a.msg" "$logs/replicas-b.msg" | grep -c "(firing $t)" || true)
    ran_a=$(grep -c "(firing $t)" "$logs/replicas-a.msg" || true)
    skipped=$(cat "$logs/replicas-a.msg" "$logs/replicas-b.msg" | grep -c "firing $t not run here" || true)
    claims=$(sql "$db_replicas" -c "SELECT count(*) FROM scheduled_firing WHERE job = 'follow-up-daily-job' AND scheduled_at = to_timestamp($f)")
    created=$(cat "$logs/replicas-a.msg" "$logs/replicas-b.msg" | grep "(firing $t)" | sed -E 's/.*BIRTHDAY_GREETING created ([0-9]+).*/\1/' | head -1)
    detail_b+="$(date -u -d "@$f" +%T): ran on $([ "$ran_a" = 1 ] && echo A || echo B) (${created:-?} greetings), skipped on $skipped, batch greeted ${greeted% *}/5 with ${greeted#* } tasks; "
    if [ "$ran" != 1 ] || [ "$skipped" != 1 ] || [ "$claims" != 1 ] || [ "$greeted" != "5 5" ]; then ok_b=0; fi
done
dups=$(sql "$db_replicas" -c "SELECT count(*) FROM (SELECT 1 FROM task WHERE trigger_key IS NOT NULL
    GROUP BY source, customer_id, trigger_key HAVING count(*) > 1) d")
total=$(sql "$db_replicas" -c "SELECT count(*) FROM task")
[ "$dups" = 0 ] || ok_b=0
check "(b) the daily job once per firing" "$ok_b" "${detail_b}tasks in all: $total, doubled: $dups"

# (c) PATCH rounds.
one_each=$(awk '($3 == 200 && $4 == 412) || ($3 == 412 && $4 == 200)' "$logs/patches.txt" | wc -l)
a_wins=$(awk '$3 == 200' "$logs/patches.txt" | wc -l); b_wins=$(awk '$4 == 200' "$logs/patches.txt" | wc -l)
last_a=$(awk '$3 == 200 { r = $1 } END { print r }' "$logs/patches.txt")
last_b=$(awk '$4 == 200 { r = $1 } END { print r }' "$logs/patches.txt")
want_notes=$([ -n "$last_a" ] && echo "round $last_a A" || echo initial)
want_owner=$([ -n "$last_b" ] && echo "round $last_b B" || echo initial)
final=$(api "http://127.0.0.1:$port_b/api/v1/customers/$patch_customer")
got=$(echo "$final" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["notes"] + "|" + c["owner"])')
etag_final=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:$port_b/api/v1/customers/$patch_customer" \
    | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
etag_first=$(head -1 "$logs/patches.txt" | awk '{ print $2 }')
# The audit trail: exactly the winners' requests changed the customer, each the field it sent.
winners=$(awk '$3 == 200 { print "2i-round-" $1 "-A notes" } $4 == 200 { print "2i-round-" $1 "-B owner" }' "$logs/patches.txt" | sort)
audited=$(api "http://127.0.0.1:$port_a/api/v1/customers/$patch_customer/audit?action=UPDATE&limit=200" | python3 -c '
import json, sys
page = json.load(sys.stdin)
for e in page["items"]:
    if e.get("action") == "UPDATE":
        print(e.get("requestId"), ",".join(e.get("changedFields") or []))' | sort)
ok_c=1
[ "$one_each" = "$rounds" ] || ok_c=0
[ "${got%%|*}" = "$want_notes" ] || ok_c=0
[ "${got#*|}" = "$want_owner" ] || ok_c=0
[ "$(( ${etag_final//\"/} - ${etag_first//\"/} ))" = "$rounds" ] || ok_c=0
[ "$winners" = "$audited" ] || ok_c=0
check "(c) same If-Match on both instances: one 200 and one 412 per round" "$ok_c" \
    "$one_each/$rounds rounds with one 200 and one 412 (A won $a_wins, B won $b_wins); notes '${got%%|*}' (want '$want_notes'), owner '${got#*|}' (want '$want_owner'); ETag $etag_first -> $etag_final; audit UPDATE entries $(echo "$audited" | grep -c . || true), matching the winners: $([ "$winners" = "$audited" ] && echo yes || echo no)"

# (e) SIGTERM A two seconds before a firing: A is paused, B takes the firing.
now=$(date +%s)
next=$(( (now + 8 + period - 1) / period * period ))
while [ "$(echo "$(epoch) < $next - 2" | bc -l)" = 1 ]; do sleep 0.1; done
say "SIGTERM instance A, 2 s before the firing at $(date -u -d "@$next" +%T)"
term_at=$(epoch)
kill -TERM "$pid_a"
ready_code=""; live_code=""
for _ in $(seq 1 20); do
    ready_code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/q/health/ready" || true)
    [ "$ready_code" = 503 ] && { live_code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/q/health/live" || true); break; }
    sleep 0.1
done
down_after=$(printf '%.1f' "$(echo "$(epoch) - $term_at" | bc -l)")
rc=0; wait "$pid_a" || rc=$?
exit_after=$(printf '%.1f' "$(echo "$(epoch) - $term_at" | bc -l)")
forget "$pid_a"
while [ "$(date +%s)" -lt $((next + 6)) ]; do sleep 0.5; done
messages "$log_a" >"$logs/replicas-a.msg"
late_a=$(awk -v t="$term_at" '$1 > t && /Tier run .* started|Daily follow-up job for /' "$logs/replicas-a.msg" | wc -l)
paused=$(grep -c "scheduled jobs paused" "$logs/replicas-a.msg" || true)
claims_b=$(sql "$db_replicas" -c "SELECT count(*) FROM scheduled_firing WHERE scheduled_at = to_timestamp($next) AND instance = '$inst_b'")
ok_e=1
[ "$ready_code" = 503 ] && [ "$live_code" = 200 ] || ok_e=0
[ "$late_a" = 0 ] && [ "$paused" = 1 ] && [ "$claims_b" = 2 ] || ok_e=0
[ "$(echo "$exit_after <= $shutdown_budget" | bc -l)" = 1 ] || ok_e=0
check "(e) shutdown before a firing: readiness first, no new work, the other instance takes it" "$ok_e" \
    "readiness $ready_code ${down_after} s after SIGTERM with liveness $live_code; A paused its scheduler ($paused) and started nothing after SIGTERM ($late_a); both jobs of $(date -u -d "@$next" +%T) claimed by B: $claims_b/2; A exited after ${exit_after} s (status $rc, budget ${shutdown_budget} s)"

# (f) A request in flight when SIGTERM comes finishes, even when it outlasts the readiness delay. A psql
# session holds the row lock of a customer; a PATCH of that customer to B waits on it; B gets SIGTERM;
# the lock goes 8 s later, after the 5 s delay, while B is already waiting for its in-flight requests.
flight_id=$(api -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$port_b/api/v1/customers" \
    -d '{"lastName":"In flight","notes":"before"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
flight_etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:$port_b/api/v1/customers/$flight_id" \
    | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
hold=9.5
printf "BEGIN;\nSELECT 1 FROM customer WHERE id = '%s' FOR UPDATE;\nSELECT pg_sleep(%s);\nCOMMIT;\n" "$flight_id" "$hold" \
    | psql -X -q -At -d "$db_replicas" >/dev/null &
holder=$!
for _ in $(seq 1 50); do
    [ "$(sql "$db_replicas" -c "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
        WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND a.query LIKE '%pg_sleep%'")" -ge 1 ] && break
    sleep 0.1
done
curl -s -o "$logs/flight-body" -w '%{http_code} %{time_total}' -X PATCH -H "Authorization: Bearer $key" -H "If-Match: $flight_etag" \
    -H 'Content-Type: application/merge-patch+json' -d '{"notes":"after"}' \
    "http://127.0.0.1:$port_b/api/v1/customers/$flight_id" >"$logs/flight-patch" &
patcher=$!
sleep 1
waiting=$(sql "$db_replicas" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
say "PATCH of customer $flight_id waits on its row lock ($waiting backend(s) waiting); SIGTERM instance B"
term_at=$(epoch)
kill -TERM "$pid_b"
sleep 1.5
during_ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_b/q/health/ready" || true)
during_get=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port_b/api/v1/customers/$patch_customer" || true)
# After the delay, before the lock goes: what a straggler gets (reported, not judged: the balancer stopped
# sending when readiness went down).
while [ "$(echo "$(epoch) < $term_at + 6.5" | bc -l)" = 1 ]; do sleep 0.1; done
after_delay=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Authorization: Bearer $key" "http://127.0.0.1:$port_b/api/v1/customers/$patch_customer" || true)
rc=0; wait "$patcher" || rc=$?
patched_at=$(epoch)
read -r flight_code flight_secs <"$logs/flight-patch" || true  # curl writes no newline
rc_b=0; wait "$pid_b" || rc_b=$?
exit_after=$(printf '%.1f' "$(echo "$(epoch) - $term_at" | bc -l)")
answered_after=$(printf '%.1f' "$(echo "$patched_at - $term_at" | bc -l)")
forget "$pid_b"
wait "$holder" || true
notes=$(sql "$db_replicas" -c "SELECT notes FROM customer WHERE id = '$flight_id'")
audited=$(sql "$db_replicas" -c "SELECT count(*) FROM audit_entry WHERE resource_type = 'customer' AND resource_id = '$flight_id' AND action = 'UPDATE'")
ok_f=1
[ "$flight_code" = 200 ] && [ "$notes" = after ] && [ "$audited" = 1 ] || ok_f=0
[ "$(echo "$answered_after > 5" | bc -l)" = 1 ] || ok_f=0  # answered after the readiness delay: the graceful wait held it
[ "$during_ready" = 503 ] && [ "$during_get" = 200 ] || ok_f=0
[ "$(echo "$exit_after >= $answered_after" | bc -l)" = 1 ] || ok_f=0  # the process waited for the answer
[ "$(echo "$exit_after <= $shutdown_budget" | bc -l)" = 1 ] || ok_f=0
check "(f) a request in flight at SIGTERM finishes before the process exits; requests are served during the delay" "$ok_f" \
    "PATCH answered $flight_code ${answered_after} s after SIGTERM (it took ${flight_secs} s; notes now '$notes', its audit UPDATE entries: $audited); 1.5 s after SIGTERM readiness $during_ready and a GET $during_get; 6.5 s after, a GET got '$after_delay'; B exited after ${exit_after} s (status $rc_b)"

# ------------------------------------------------------------------------------------------------
say "part 2: shutdown during a tier run — database $db_shutdown, $customers customers, $purchases purchases"
psql -X -q -d postgres -c "CREATE DATABASE $db_shutdown"
dbs+=("$db_shutdown")
log_a="$logs/shutdown-a.log"; log_b="$logs/shutdown-b.log"
start_instance pid_a "$port_a" "$db_shutdown" off "$log_a"
bench/generate-data.sh --db "$db_shutdown" --customers "$customers" --purchases "$purchases" | sed 's/^/    /'
start_instance pid_b "$port_b" "$db_shutdown" off "$log_b"
say "instances A (pid $pid_a) and B (pid $pid_b) are up"

tiers_sql="SELECT md5(string_agg(id::text || coalesce(tier, '-') || coalesce(rfm_segment, '-') || coalesce(rfm_recency::text, '-')
    || coalesce(rfm_frequency::text, '-') || coalesce(rfm_monetary::text, '-'), ',' ORDER BY id)) || ' ' || count(tier) FROM customer"
tiers_before=$(sql "$db_shutdown" -c "$tiers_sql")
run=$(api -X POST "http://127.0.0.1:$port_a/api/v1/tier-runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
run_started=$(epoch)
sleep 5
status=$(sql "$db_shutdown" -c "SELECT status FROM tier_run WHERE id = '$run'")
scoring=$(sql "$db_shutdown" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
    AND pid <> pg_backend_pid() AND query LIKE '%tier_score%'")
say "tier run $run on A: $status after 5 s (backends scoring: $scoring); SIGTERM instance A"
term_at=$(epoch)
kill -TERM "$pid_a"
ready_code=""
for _ in $(seq 1 20); do
    ready_code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/q/health/ready" || true)
    [ "$ready_code" = 503 ] && break
    sleep 0.1
done
rc=0; wait "$pid_a" || rc=$?
exit_after=$(printf '%.1f' "$(echo "$(epoch) - $term_at" | bc -l)")
forget "$pid_a"
row=$(sql "$db_shutdown" -F '|' -c "SELECT status, coalesce(error, ''), round(extract(epoch FROM finished_at) - $term_at, 1),
    round(extract(epoch FROM finished_at - started_at), 1) FROM tier_run WHERE id = '$run'")
IFS='|' read -r st err failed_after ran_for <<<"$row"
tiers_after=$(sql "$db_shutdown" -c "$tiers_sql")
history=$(sql "$db_shutdown" -c "SELECT count(*) FROM tier_change WHERE run_id = '$run'")
leftover=$(sql "$db_shutdown" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
    AND backend_type = 'client backend' AND state <> 'idle'")
locks=$(sql "$db_shutdown" -c "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
    WHERE d.datname = current_database() AND l.locktype = 'advisory'")
check "(d1) SIGTERM mid-run: the run was running when the signal came" "$([ "$status" = RUNNING ] && [ "$scoring" -ge 1 ] && echo 1 || echo 0)" \
    "status $status 5 s after the trigger, $scoring backend(s) in the scoring"
check "(d2) the process exits within the shutdown timeout" "$([ "$(echo "$exit_after <= $shutdown_budget" | bc -l)" = 1 ] && echo 1 || echo 0)" \
    "exited ${exit_after} s after SIGTERM (status $rc; budget: 5 s readiness delay + 30 s timeout); readiness answered $ready_code meanwhile"
check "(d3) the run is FAILED, interrupted by shutdown" "$([ "$st" = FAILED ] && [[ "$err" == "interrupted by shutdown"* ]] && echo 1 || echo 0)" \
    "status $st after ${ran_for} s, recorded ${failed_after} s after SIGTERM: ${err:0:90}"
check "(d4) tiers unchanged, nothing of the run left in PostgreSQL" \
    "$([ "$tiers_before" = "$tiers_after" ] && [ "$history" = 0 ] && [ "$leftover" = 0 ] && [ "$locks" = 0 ] && echo 1 || echo 0)" \
    "tiers $([ "$tiers_before" = "$tiers_after" ] && echo unchanged || echo CHANGED) (${tiers_after#* } customers with a tier), $history history rows, $leftover busy backends, $locks advisory locks"

t0=$(epoch)
answer=$(api -w '\n%{http_code}' -X POST "http://127.0.0.1:$port_b/api/v1/tier-runs")
code=$(echo "$answer" | tail -1)
run_b=$(echo "$answer" | head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id", ""))' 2>/dev/null || true)
final=""
if [ "$code" = 202 ]; then
    say "tier run $run_b started on B; waiting for it"
    for _ in $(seq 1 3600); do
        final=$(sql "$db_shutdown" -c "SELECT status FROM tier_run WHERE id = '$run_b'")
        [ "$final" = RUNNING ] || break
        sleep 1
    done
fi
took=$(printf '%.1f' "$(echo "$(epoch) - $t0" | bc -l)")
scored=$(sql "$db_shutdown" -c "SELECT coalesce(customers_scored, 0) FROM tier_run WHERE id = '${run_b:-00000000-0000-0000-0000-000000000000}'" || true)
check "(d5) the other instance starts a new run that completes" "$([ "$code" = 202 ] && [ "$final" = SUCCEEDED ] && echo 1 || echo 0)" \
    "POST on B answered $code; the run ended $final after ${took} s, ${scored:-0} customers scored"
stop_instance "$pid_b" >"$logs/stop-b"
read -r took_b rc_b <"$logs/stop-b"
forget "$pid_b"
say "instance B stopped in $took_b s (status $rc_b)"

echo
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL $(sql postgres -c 'SHOW server_version'), Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
echo "$passes passed, $failures failed"
[ "$failures" = 0 ]
