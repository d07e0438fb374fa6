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

-- Already in V1 and used as they are: customer (tier), (region), (buying_stage), GIN (tags);
-- purchase (customer_id, occurred_at DESC, id DESC) and purchase (occurred_at) for purchase windows;
-- complaint (customer_id) WHERE status IN ('OPEN', 'IN_PROGRESS') for "has an open complaint".
