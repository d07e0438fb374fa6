#!/usr/bin/env bash
# Loads a synthetic, deterministic customer base straight into a Clientbook database, set-based
# in PostgreSQL (generate_series), so a million customers take minutes, not hours.
#
#   bench/generate-data.sh --db clientbook_bench [--customers 1000000] [--purchases 10000000] [--seed 42] [--jobs 2] [--as-of YYYY-MM-DD]
#
# --db is a psql connection: a database name or a conninfo string ("host=127.0.0.1 dbname=x").
# The database must already have the Clientbook schema (start the service against it once: Flyway
# migrates at start) and no customers yet. The environment's PGHOST/PGUSER/... apply as for psql;
# defaults here: PGHOST=127.0.0.1, PGUSER=postgres.
#
# Times are spread backwards from --as-of (midnight UTC; default today), so recent-activity windows
# make sense on the day the data is made.
# What it makes (the same rows for the same --seed, sizes and --as-of):
# - customers with every attribute filled in plausible proportions: 10 regions (skewed), ages
#   18–85, consent by channel (EMAIL 70 %, SMS 40 %, PHONE 55 %), tags (vip 3 %, newsletter 35 %,
#   wholesale 5 %, student 8 %), buying stages, owners, need orientation;
# - purchases Pareto-like: few customers buy often (customer drawn as N * u^3) and amounts follow a
#   Pareto law (alpha 1.3, minimum 10, capped at 50,000), so about a fifth of the customers bring
#   about four fifths of the revenue; dates spread evenly over the last two years; 1 % voided;
#   50 products (skewed) and 4 channels;
# - interactions (one per five purchases, last two years), complaints (one per 20 customers, 10 % open);
# - each customer's purchase statistics (count, total, first, last) computed from its purchases,
#   as the service would have kept them.
set -euo pipefail

db=""; customers=1000000; purchases=10000000; seed=42; jobs=2; asof=$(date -u +%Y-%m-%d)
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --customers) customers="$2"; shift 2 ;;
        --purchases) purchases="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --as-of) asof="$2"; shift 2 ;;
        -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$db" ] || { echo "--db is required (see --help)" >&2; exit 2; }
[[ "$asof" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "--as-of must be a date YYYY-MM-DD" >&2; exit 2; }
[[ "$customers" =~ ^[1-9][0-9]*$ && "$purchases" =~ ^[0-9]+$ && "$seed" =~ ^[0-9]+$ && "$jobs" =~ ^[1-9][0-9]*$ ]] \
    || { echo "--customers, --purchases, --seed and --jobs must be whole numbers" >&2; exit 2; }
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"

run() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

existing=$(run -At -c "SELECT count(*) FROM customer")
[ "$existing" = "0" ] || { echo "the database already has $existing customers; use a fresh, migrated database" >&2; exit 1; }

started=$(date +%s)
say() { echo "[$(($(date +%s) - started)) s] $*"; }

# Random draws are hashes of (row number, seed and purpose), not random(): the result does not depend
# on scan order or parallel workers, so a seed always gives the same data. pg_temp.u(row, salt) is
# uniform in [0, 1) (hashint8extended, fast); each psql call below defines it for its own session.
say "customers: $customers"
run <<SQL
SET synchronous_commit = off;
CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, salt bigint) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
\$\$ SELECT (hashint8extended(i, salt) & 4503599627370495)::double precision / 4503599627370496.0 \$\$;
INSERT INTO customer (id, external_ref, first_name, last_name, email, phone, gender, birth_date, country, region,
                      city, occupation, preferred_channel, consent, owner, need_orientation, buying_stage,
                      expected_purchase_date, tags, notes, created_at, updated_at)
SELECT md5('$seed:c:' || i)::uuid,
       'bench-' || i,
       (ARRAY['Mei','Ana','Luca','Sara','Omar','Ines','Tom','Yuki','Lena','Raj'])[1 + floor(pg_temp.u(i, $seed * 1000 + 1) * 10)::int],
       'Customer' || i,
       'customer' || i || '@example.com',
       '+44 20 ' || lpad((i % 100000000)::text, 8, '0'),
       (ARRAY['FEMALE','MALE','OTHER','UNDISCLOSED'])[1 + floor(power(pg_temp.u(i, $seed * 1000 + 2), 2) * 4)::int],
       date '2008-01-01' - (floor(pg_temp.u(i, $seed * 1000 + 3) * 67 * 365.25))::int,
       (ARRAY['GB','DE','FR','ES','IT'])[1 + floor(power(pg_temp.u(i, $seed * 1000 + 4), 2) * 5)::int],
       'region-' || floor(power(pg_temp.u(i, $seed * 1000 + 5), 2) * 10)::int,
       'city-' || floor(power(pg_temp.u(i, $seed * 1000 + 6), 3) * 200)::int,
       (ARRAY['Architect','Teacher','Nurse','Engineer','Student','Retired','Chef','Designer'])[1 + floor(pg_temp.u(i, $seed * 1000 + 7) * 8)::int],
       (ARRAY['EMAIL','SMS','PHONE','SOCIAL','VISIT'])[1 + floor(power(pg_temp.u(i, $seed * 1000 + 8), 1.5) * 5)::int],
       jsonb_strip_nulls(jsonb_build_object(
           'EMAIL', CASE WHEN pg_temp.u(i, $seed * 1000 + 9) < 0.70 THEN jsonb_build_object('granted', true, 'at', '2025-01-01T00:00:00Z') END,
           'SMS',   CASE WHEN pg_temp.u(i, $seed * 1000 + 10) < 0.40 THEN jsonb_build_object('granted', true, 'at', '2025-01-01T00:00:00Z') END,
           'PHONE', CASE WHEN pg_temp.u(i, $seed * 1000 + 11) < 0.55 THEN jsonb_build_object('granted', true, 'at', '2025-01-01T00:00:00Z') END)),
       'staff-' || floor(pg_temp.u(i, $seed * 1000 + 12) * 20)::int,
       (ARRAY['PRODUCT','PRICE','SERVICE'])[1 + floor(pg_temp.u(i, $seed * 1000 + 13) * 3)::int],
       (ARRAY['CUSTOMER','CUSTOMER','CUSTOMER','INTERESTED','HESITANT','NOT_NOW','WILL_NOT_BUY'])[1 + floor(pg_temp.u(i, $seed * 1000 + 14) * 7)::int],
       CASE WHEN pg_temp.u(i, $seed * 1000 + 15) < 0.1 THEN '$asof'::date + (floor(pg_temp.u(i, $seed * 1000 + 16) * 180))::int END,
       array_remove(ARRAY[
           CASE WHEN pg_temp.u(i, $seed * 1000 + 17) < 0.03 THEN 'vip' END,
           CASE WHEN pg_temp.u(i, $seed * 1000 + 18) < 0.35 THEN 'newsletter' END,
           CASE WHEN pg_temp.u(i, $seed * 1000 + 19) < 0.05 THEN 'wholesale' END,
           CASE WHEN pg_temp.u(i, $seed * 1000 + 20) < 0.08 THEN 'student' END], NULL),
       NULL,
       '$asof'::timestamptz - interval '3 years' + (pg_temp.u(i, $seed * 1000 + 21) * interval '365 days'),
       '$asof'::timestamptz - interval '3 years' + (pg_temp.u(i, $seed * 1000 + 21) * interval '365 days')
FROM generate_series(1, $customers) AS i;
SQL

# Purchases in chunks of a million, --jobs chunks at a time (one per core), so progress shows and
# no single statement holds everything.
load_purchases() {
    local from=$1 to=$2
    run <<SQL
SET synchronous_commit = off;
CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, salt bigint) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
\$\$ SELECT (hashint8extended(i, salt) & 4503599627370495)::double precision / 4503599627370496.0 \$\$;
INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, product, channel, voided_at,
                      void_reason, version, created_at)
SELECT md5('$seed:p:' || j)::uuid,
       md5('$seed:c:' || (1 + floor(power(pg_temp.u(j, $seed * 1000 + 22), 3) * $customers))::bigint)::uuid,
       'bench-order-' || j,
       date_trunc('second', '$asof'::timestamptz - pg_temp.u(j, $seed * 1000 + 23) * interval '730 days'),
       least(50000, round((10 / power(1 - pg_temp.u(j, $seed * 1000 + 24), 1 / 1.3))::numeric, 2)),
       'EUR',
       'product-' || lpad(floor(power(pg_temp.u(j, $seed * 1000 + 25), 2) * 50)::int::text, 2, '0'),
       (ARRAY['web','store','phone','app'])[1 + floor(pg_temp.u(j, $seed * 1000 + 26) * 4)::int],
       CASE WHEN pg_temp.u(j, $seed * 1000 + 27) < 0.01 THEN '$asof'::timestamptz END,
       CASE WHEN pg_temp.u(j, $seed * 1000 + 27) < 0.01 THEN 'refund' END,
       0,
       '$asof'::timestamptz
FROM generate_series($from, $to) AS j;
SQL
}
chunk=1000000
for ((from = 1; from <= purchases; from += chunk)); do
    to=$((from + chunk - 1)); [ "$to" -gt "$purchases" ] && to=$purchases
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    say "purchases $from..$to of $purchases"
    load_purchases "$from" "$to" &
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do wait -n; done

say "interactions and complaints"
run <<SQL
SET synchronous_commit = off;
CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, salt bigint) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
\$\$ SELECT (hashint8extended(i, salt) & 4503599627370495)::double precision / 4503599627370496.0 \$\$;
INSERT INTO interaction (id, customer_id, channel, direction, occurred_at, summary, outcome, recorded_by, version, created_at)
SELECT md5('$seed:i:' || k)::uuid,
       md5('$seed:c:' || (1 + floor(power(pg_temp.u(k, $seed * 1000 + 28), 2) * $customers))::bigint)::uuid,
       (ARRAY['PHONE','EMAIL','SMS','SOCIAL','VISIT'])[1 + floor(pg_temp.u(k, $seed * 1000 + 29) * 5)::int],
       CASE WHEN pg_temp.u(k, $seed * 1000 + 30) < 0.6 THEN 'OUTBOUND' ELSE 'INBOUND' END,
       '$asof'::timestamptz - pg_temp.u(k, $seed * 1000 + 31) * interval '730 days',
       'Synthetic contact ' || k, NULL, 'bench', 0, '$asof'::timestamptz
FROM generate_series(1, $purchases / 5) AS k;
INSERT INTO complaint (id, customer_id, subject, description, severity, channel, status, resolution, opened_at,
                       resolved_at, version, created_at, updated_at)
SELECT md5('$seed:q:' || k)::uuid,
       md5('$seed:c:' || (1 + floor(pg_temp.u(k, $seed * 1000 + 32) * $customers))::bigint)::uuid,
       'Synthetic complaint ' || k, NULL,
       (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + floor(power(pg_temp.u(k, $seed * 1000 + 33), 2) * 4)::int],
       'EMAIL',
       CASE WHEN pg_temp.u(k, $seed * 1000 + 34) < 0.1 THEN 'OPEN' ELSE 'RESOLVED' END,
       CASE WHEN pg_temp.u(k, $seed * 1000 + 34) < 0.1 THEN NULL ELSE 'Handled' END,
       '$asof'::timestamptz - pg_temp.u(k, $seed * 1000 + 35) * interval '730 days',
       CASE WHEN pg_temp.u(k, $seed * 1000 + 34) < 0.1 THEN NULL ELSE '$asof'::timestamptz END,
       0, '$asof'::timestamptz, '$asof'::timestamptz
FROM generate_series(1, greatest(1, $customers / 20)) AS k;
SQL

say "customer purchase statistics"
run <<SQL
SET synchronous_commit = off;
UPDATE customer c
SET purchase_count = s.n, total_spent = s.total, first_purchase_at = s.first_at, last_purchase_at = s.last_at
FROM (SELECT customer_id, count(*) AS n, sum(amount) AS total, min(occurred_at) AS first_at, max(occurred_at) AS last_at
      FROM purchase WHERE voided_at IS NULL GROUP BY customer_id) s
WHERE c.id = s.customer_id;
VACUUM ANALYZE customer;
VACUUM ANALYZE purchase;
VACUUM ANALYZE interaction;
VACUUM ANALYZE complaint;
SQL
say "done: $(run -At -c "SELECT count(*) || ' customers, ' || (SELECT count(*) FROM purchase) || ' purchases' FROM customer")"
