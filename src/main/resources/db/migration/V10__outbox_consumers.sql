-- Clientbook V10: readers of the outbox that do side work after the commit keep their position here.

-- A purchase's follow-up tasks (thank-you, survey) used to be made in the purchase's own transaction:
-- two generations per request, with their consent, frequency and de-duplication checks, their audit
-- entries and feed events, while the customers' rows stayed locked. They are now made from the
-- committed purchase.recorded events by a worker (task.PurchaseFollowUpWorker), as webhook deliveries
-- already are. Its position in the feed is one row, locked for the length of one worker batch:
-- - the tasks and the moved position commit together, so a batch is done exactly once, and a worker
--   killed half-way leaves the position where it was (the next one redoes the batch);
-- - replicas take the row with FOR UPDATE SKIP LOCKED: one works, the others skip their turn;
-- - the tasks' unique key (source, customer, trigger key) stays the last guard against doubles.
CREATE TABLE outbox_consumer (
    name         varchar(50)  PRIMARY KEY,
    -- Feed position up to which events were handled (exclusive start: after it), as in webhook.
    after_tx_id  bigint       NOT NULL,
    after_seq    bigint       NOT NULL,
    updated_at   timestamptz  NOT NULL
);

-- It starts at the feed's end as of this migration: earlier purchases got their follow-ups in their
-- own transaction. Events of transactions still running now lie after it, and their follow-ups
-- (made by a replica of the previous version) are found by the unique key and not made twice.
INSERT INTO outbox_consumer (name, after_tx_id, after_seq, updated_at)
VALUES ('purchase-follow-ups', txid_snapshot_xmin(txid_current_snapshot()) - 1, 9223372036854775807, now());
