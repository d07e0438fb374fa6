-- Clientbook V3: saved segments, and the indexes the segment filter language leans on.

CREATE TABLE segment (
    id           uuid PRIMARY KEY,
    name         varchar(100)  NOT NULL CHECK (length(btrim(name)) > 0),
    description  varchar(1000),
    -- The filter tree as the client sent it (validated by SegmentFilterCompiler on every save);
    -- compiled afresh on every use, so relative times ("within 30 days") stay relative.
    filter       jsonb         NOT NULL CHECK (jsonb_typeof(filter) = 'object'),
    owner        varchar(100),
    created_by   varchar(100),
    version      bigint        NOT NULL DEFAULT 0,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL
);

-- Names are unique regardless of case: "VIP North" and "vip north" would confuse people.
CREATE UNIQUE INDEX segment_name_key ON segment (lower(name));
CREATE INDEX segment_created_idx ON segment (created_at, id);

-- Birthdays: month * 100 + day of the birth date, exactly the expression FilterField.BIRTHDAY_MMDD
-- compiles "birthdayWithinDays" to (as "= ANY(<the qualifying month-days>)").
CREATE INDEX customer_birthday_idx ON customer (((EXTRACT(MONTH FROM birth_date) * 100 + EXTRACT(DAY FROM birth_date))::int));

-- "stats.lastPurchaseAt withinDays/olderThanDays" compare the bare column; V1's
-- customer_last_purchase_idx is on coalesce(...) for keyset sorting and cannot serve them.
CREATE INDEX customer_last_purchase_at_idx ON customer (last_purchase_at);

-- "rfm.segment in [AT_RISK, CANNOT_LOSE]": few distinct values, each a small share of customers.
CREATE INDEX customer_rfm_segment_idx ON customer (rfm_segment);

-- "No interaction in the last N days" / "complaints in the last N days": read only the window's rows.
CREATE INDEX interaction_occurred_idx ON interaction (occurred_at);
CREATE INDEX complaint_opened_idx ON complaint (opened_at);

-- What EXPLAIN (ANALYZE) showed on the benchmark data (200,000 customers, 2,000,000 purchases;
-- PostgreSQL 15), for counts with the SQL SegmentFilterCompiler emits:
-- - birthdayWithinDays lte 7 AND consent.SMS: Bitmap Index Scan on customer_birthday_idx
--   (mmdd = ANY($1)), consent filtered on those few thousand rows: ~30 ms, where a hand-written
--   IN (SELECT … generate_series) form seq-scans the table (~220 ms).
-- - tier A AND region AND a purchase in 90 days: BitmapAnd of customer_region_idx and
--   customer_tier_idx, then a Nested Loop Semi Join probing purchase_customer_idx
--   (customer_id, occurred_at) once per candidate: never a scan of all purchases. The tier
--   parameter is cast to bpchar (FilterField.charColumn), else "tier::text = $1" skips the index.
-- - purchases in 30 days with count >= 2: Bitmap Index Scan on purchase_occurred_idx for the window
--   only (~80,000 of 2,000,000 rows), HashAggregate, Hash Join to customer.
-- - rfm_segment IN (…): Bitmap Index Scan on customer_rfm_segment_idx.
-- - tags @> {vip} AND no interaction in 30 days: Bitmap Index Scan on customer_tags_idx (GIN), then
--   a Nested Loop Anti Join with an Index Only Scan of interaction_customer_idx per candidate.
--   interaction_occurred_idx serves the same condition when no other part narrows the customers.
-- Already in V1 and used as they are: customer (tier), (region), (buying_stage), GIN (tags);
-- purchase (customer_id, occurred_at DESC, id DESC) and purchase (occurred_at) for purchase windows;
-- complaint (customer_id) WHERE status IN ('OPEN', 'IN_PROGRESS') for "has an open complaint".
