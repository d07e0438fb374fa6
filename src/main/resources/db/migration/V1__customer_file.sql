-- Clientbook V1: the customer file (customers, purchases, complaints, contact log),
-- API keys and idempotency records. Constraints live here too, not only in Java:
-- other services and ad-hoc scripts write to this database as well.

CREATE TABLE api_key (
    id           uuid PRIMARY KEY,
    name         varchar(100) NOT NULL,
    role         varchar(20)  NOT NULL CHECK (role IN ('admin', 'agent', 'integration', 'analyst')),
    -- SHA-256 of the secret: keys are 256-bit random, so a fast hash cannot be brute-forced.
    key_hash     bytea        NOT NULL UNIQUE,
    key_prefix   varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    created_by   varchar(100),
    revoked_at   timestamptz,
    version      bigint       NOT NULL DEFAULT 0
);

CREATE TABLE customer (
    id                     uuid PRIMARY KEY,
    external_ref           varchar(100) UNIQUE,
    first_name             varchar(100),
    last_name              varchar(100),
    email                  varchar(254),
    phone                  varchar(32),
    gender                 varchar(12)  CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
    birth_date             date,
    country                char(2)      CHECK (country ~ '^[A-Z]{2}$'),
    region                 varchar(100),
    city                   varchar(100),
    occupation             varchar(100),
    preferred_channel      varchar(10)  CHECK (preferred_channel IN ('PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT')),
    consent                jsonb        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(consent) = 'object'),
    owner                  varchar(100),
    need_orientation       varchar(10)  CHECK (need_orientation IN ('PRODUCT', 'PRICE', 'SERVICE')),
    buying_stage           varchar(15)  CHECK (buying_stage IN ('INTERESTED', 'HESITANT', 'NOT_NOW', 'WILL_NOT_BUY', 'CUSTOMER')),
    expected_purchase_date date,
    not_buying_reason      varchar(1000),
    tags                   text[]       NOT NULL DEFAULT '{}',
    notes                  varchar(4000),
    -- Computed by the service, never written by clients.
    tier                   char(1)      CHECK (tier IN ('A', 'B', 'C')),
    tier_changed_at        timestamptz,
    rfm_recency            smallint     CHECK (rfm_recency BETWEEN 1 AND 5),
    rfm_frequency          smallint     CHECK (rfm_frequency BETWEEN 1 AND 5),
    rfm_monetary           smallint     CHECK (rfm_monetary BETWEEN 1 AND 5),
    rfm_segment            varchar(20),
    purchase_count         integer        NOT NULL DEFAULT 0 CHECK (purchase_count >= 0),
    total_spent            numeric(14, 2) NOT NULL DEFAULT 0,
    first_purchase_at      timestamptz,
    last_purchase_at       timestamptz,
    erased_at              timestamptz,
    version                bigint       NOT NULL DEFAULT 0,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL
);

-- List and keyset paging: every sort is (expression, id).
CREATE INDEX customer_created_idx ON customer (created_at, id);
CREATE INDEX customer_updated_idx ON customer (updated_at, id);
CREATE INDEX customer_last_name_idx ON customer (coalesce(lower(last_name), ''), id);
CREATE INDEX customer_total_spent_idx ON customer (total_spent, id);
CREATE INDEX customer_last_purchase_idx ON customer (coalesce(last_purchase_at, '-infinity'::timestamptz), id);
CREATE INDEX customer_region_idx ON customer (region);
CREATE INDEX customer_tier_idx ON customer (tier);
CREATE INDEX customer_buying_stage_idx ON customer (buying_stage);
CREATE INDEX customer_tags_idx ON customer USING gin (tags);
CREATE INDEX customer_email_idx ON customer (lower(email));

CREATE TABLE purchase (
    id           uuid PRIMARY KEY,
    customer_id  uuid           NOT NULL REFERENCES customer (id),
    -- The order id in the sending system: re-sends are recognised by it (INSERT ... ON CONFLICT).
    external_id  varchar(100)   NOT NULL UNIQUE,
    occurred_at  timestamptz    NOT NULL,
    amount       numeric(12, 2) NOT NULL CHECK (amount >= 0 AND amount <= 99999999.99),
    currency     char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    product      varchar(200),
    channel      varchar(50),
    voided_at    timestamptz,
    void_reason  varchar(500),
    -- Moves when the purchase is voided: the ETag that void's If-Match is checked against.
    version      bigint         NOT NULL DEFAULT 0,
    created_at   timestamptz    NOT NULL,
    CHECK (void_reason IS NULL OR voided_at IS NOT NULL)
);

-- A customer's purchases newest first, keyset-paged on (occurred_at DESC, id DESC).
CREATE INDEX purchase_customer_idx ON purchase (customer_id, occurred_at DESC, id DESC);
CREATE INDEX purchase_occurred_idx ON purchase (occurred_at);

CREATE TABLE complaint (
    id            uuid PRIMARY KEY,
    customer_id   uuid          NOT NULL REFERENCES customer (id),
    subject       varchar(200)  NOT NULL,
    description   varchar(4000),
    severity      varchar(10)   NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    channel       varchar(10)   CHECK (channel IN ('PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT')),
    status        varchar(12)   NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    resolution    varchar(4000),
    satisfaction  smallint      CHECK (satisfaction BETWEEN 1 AND 5),
    opened_at     timestamptz   NOT NULL,
    resolved_at   timestamptz,
    closed_at     timestamptz,
    version       bigint        NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    CHECK (status NOT IN ('RESOLVED', 'CLOSED') OR resolution IS NOT NULL),
    CHECK (satisfaction IS NULL OR status IN ('RESOLVED', 'CLOSED'))
);

-- Lists are newest first, keyset-paged on (created_at, id); these are scanned backwards.
CREATE INDEX complaint_customer_idx ON complaint (customer_id, created_at, id);
CREATE INDEX complaint_created_idx ON complaint (created_at, id);
-- The work queue: "all OPEN (or IN_PROGRESS) complaints, newest first".
CREATE INDEX complaint_status_idx ON complaint (status, created_at, id);
CREATE INDEX complaint_open_idx ON complaint (customer_id) WHERE status IN ('OPEN', 'IN_PROGRESS');

CREATE TABLE interaction (
    id           uuid PRIMARY KEY,
    customer_id  uuid          NOT NULL REFERENCES customer (id),
    channel      varchar(10)   NOT NULL CHECK (channel IN ('PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT')),
    direction    varchar(8)    NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    occurred_at  timestamptz   NOT NULL,
    summary      varchar(2000) NOT NULL,
    outcome      varchar(1000),
    recorded_by  varchar(100),
    -- Entries are not edited today; the version still gives each one an ETag like every resource.
    version      bigint        NOT NULL DEFAULT 0,
    created_at   timestamptz   NOT NULL
);

-- The log is read newest first, keyset-paged on (occurred_at, id), both descending.
CREATE INDEX interaction_customer_idx ON interaction (customer_id, occurred_at DESC, id DESC);

-- Idempotency-Key records: the first response to a creating POST, replayed for retries.
CREATE TABLE idempotency_record (
    principal      varchar(100)  NOT NULL,
    idem_key       varchar(200)  NOT NULL,
    operation      varchar(200)  NOT NULL,
    request_hash   bytea         NOT NULL,
    status         smallint,
    location       varchar(500),
    etag           varchar(100),
    body           text,
    created_at     timestamptz   NOT NULL,
    PRIMARY KEY (principal, idem_key)
);

CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
