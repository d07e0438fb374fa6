-- Clientbook V6: the transactional outbox behind the event feed, and webhooks delivered from it.

-- Every change writes its events here in its own transaction (the outbox), so an event exists
-- exactly when its change committed. Readers page by (tx_id, seq):
--   tx_id  the id of the writing transaction (txid_current(): 64-bit, epoch-extended, the same
--          number as pg_current_xact_id() on PostgreSQL 13+), taken by the row itself;
--   seq    a global sequence, ordering the events of one transaction.
-- The feed serves only events of transactions older than the reader's snapshot xmin: all of those
-- have finished, so no event can later appear before a position already served (see EventFeed).
CREATE SEQUENCE event_outbox_seq;

CREATE TABLE event_outbox (
    id           uuid         PRIMARY KEY,
    tx_id        bigint       NOT NULL DEFAULT txid_current(),
    seq          bigint       NOT NULL DEFAULT nextval('event_outbox_seq'),
    type         varchar(50)  NOT NULL CHECK (type ~ '^[a-z]+(\.[a-z_]+)+$'),
    -- The customer the event is about; customers are never deleted (erasure keeps the skeleton).
    subject      uuid         REFERENCES customer (id),
    occurred_at  timestamptz  NOT NULL,
    -- Never personal data (no names, contacts, birth date or free text): see FeedPublisher.
    data         jsonb        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(data) = 'object'),
    UNIQUE (tx_id, seq)
);

-- Readers filtering by type.
CREATE INDEX event_outbox_type_idx ON event_outbox (type, tx_id, seq);
CREATE INDEX event_outbox_subject_idx ON event_outbox (subject);

CREATE TABLE webhook (
    id           uuid           PRIMARY KEY,
    url          varchar(2000)  NOT NULL CHECK (url ~* '^https?://'),
    event_types  text[]         NOT NULL CHECK (cardinality(event_types) > 0),
    -- Kept in clear: it signs every delivery (HMAC), so it cannot be a one-way hash.
    secret       varchar(100)   NOT NULL,
    description  varchar(200),
    -- Feed position up to which events were turned into deliveries (exclusive start: after it).
    after_tx_id  bigint         NOT NULL,
    after_seq    bigint         NOT NULL,
    created_at   timestamptz    NOT NULL,
    created_by   varchar(100),
    version      bigint         NOT NULL DEFAULT 0
);

CREATE INDEX webhook_created_idx ON webhook (created_at, id);

-- One row per (webhook, event): the work queue of the delivery worker and the visible history.
CREATE TABLE webhook_delivery (
    id               uuid          PRIMARY KEY,
    webhook_id       uuid          NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id         uuid          NOT NULL REFERENCES event_outbox (id),
    -- The event's feed position, copied so a webhook's deliveries list in feed order from one index.
    event_tx_id      bigint        NOT NULL,
    event_seq        bigint        NOT NULL,
    state            varchar(10)   NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    -- Attempts started so far (counted when claimed, so a crashed worker's attempt counts too).
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- PENDING: when the next attempt may start; while an attempt runs, when its claim lapses.
    next_attempt_at  timestamptz,
    -- Set by each claim; an outcome is recorded only by the worker holding the current claim.
    claim_token      uuid,
    last_attempt_at  timestamptz,
    last_status_code smallint,
    last_error       varchar(500),
    -- Every attempt: [{"attempt", "at", "statusCode", "error", "durationMs"}].
    history          jsonb         NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(history) = 'array'),
    created_at       timestamptz   NOT NULL,
    UNIQUE (webhook_id, event_id),
    CHECK (state <> 'PENDING' OR next_attempt_at IS NOT NULL)
);

-- The worker's claim: due PENDING deliveries, oldest due first.
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
-- A webhook's deliveries, newest event first.
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, event_tx_id, event_seq);
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id);
