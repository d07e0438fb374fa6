-- Clientbook V2: customer tiers (ABC by revenue share, RFM scores and segments).
-- The customer columns (tier, tier_changed_at, rfm_*) exist since V1; tier runs write them with SQL.

-- The one tier policy (a single row), versioned for ETags; each run copies the values it used.
CREATE TABLE tier_policy (
    id           smallint     PRIMARY KEY CHECK (id = 1),
    window_days  integer      NOT NULL CHECK (window_days BETWEEN 1 AND 3650),
    cut_a        numeric(5, 4) NOT NULL,
    cut_b        numeric(5, 4) NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    updated_at   timestamptz  NOT NULL,
    updated_by   varchar(100),
    CHECK (cut_a > 0 AND cut_a < cut_b AND cut_b <= 1)
);

INSERT INTO tier_policy (id, window_days, cut_a, cut_b, version, updated_at, updated_by)
VALUES (1, 365, 0.80, 0.95, 0, now(), 'default');

CREATE TABLE tier_run (
    id                 uuid          PRIMARY KEY,
    status             varchar(10)   NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    run_trigger        varchar(10)   NOT NULL CHECK (run_trigger IN ('SCHEDULE', 'MANUAL')),
    triggered_by       varchar(100),
    -- The run scores every customer as of this moment (its start).
    as_of              timestamptz   NOT NULL,
    started_at         timestamptz   NOT NULL,
    finished_at        timestamptz,
    policy_version     bigint        NOT NULL,
    window_days        integer       NOT NULL CHECK (window_days BETWEEN 1 AND 3650),
    cut_a              numeric(5, 4) NOT NULL,
    cut_b              numeric(5, 4) NOT NULL,
    customers_scored   bigint        CHECK (customers_scored >= 0),
    changes            bigint        CHECK (changes >= 0),
    counts_by_tier     jsonb,
    counts_by_segment  jsonb,
    attempts           smallint      NOT NULL DEFAULT 0,
    error              varchar(2000),
    version            bigint        NOT NULL DEFAULT 0,
    CHECK ((status = 'RUNNING') = (finished_at IS NULL)),
    CHECK (status <> 'FAILED' OR error IS NOT NULL),
    CHECK (status <> 'SUCCEEDED' OR (customers_scored IS NOT NULL AND changes IS NOT NULL))
);

-- At most one RUNNING run, whatever the replicas do (the advisory lock is the first guard, this the last).
CREATE UNIQUE INDEX tier_run_one_running_idx ON tier_run ((true)) WHERE status = 'RUNNING';
-- The run list, newest first, keyset-paged on (started_at, id).
CREATE INDEX tier_run_started_idx ON tier_run (started_at, id);

-- One row per customer whose tier or RFM segment changed in a run. Follow-up rules and the event
-- feed read a run's rows set-based (WHERE run_id = ?) when TierRunCompleted is fired.
CREATE TABLE tier_change (
    id            bigserial    PRIMARY KEY,
    customer_id   uuid         NOT NULL REFERENCES customer (id),
    run_id        uuid         NOT NULL REFERENCES tier_run (id),
    from_tier     char(1)      CHECK (from_tier IN ('A', 'B', 'C')),
    to_tier       char(1)      CHECK (to_tier IN ('A', 'B', 'C')),
    from_segment  varchar(20),
    to_segment    varchar(20),
    changed_at    timestamptz  NOT NULL
);

-- A customer's history, newest first (ids grow with time: runs never overlap).
CREATE INDEX tier_change_customer_idx ON tier_change (customer_id, id);
CREATE INDEX tier_change_run_idx ON tier_change (run_id);
