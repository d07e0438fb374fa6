-- Clientbook V11: a reader of the outbox may handle committed transactions above the feed's horizon.

-- The feed's horizon is the oldest transaction still running on the whole server (EventFeed): a
-- reader's position cannot pass it, or it would skip the events of that transaction once it commits.
-- Held behind it, the purchase follow-up worker waited for every batch that started before a committed
-- one (four concurrent batches of 1,000: a p99 lag of 2.4 s), and for any long writer on the server.
-- So it also handles the transactions above the horizon that have already committed (a transaction's
-- events are visible all at once or not at all), whole, and lists them here until its position
-- passes them: it reads neither them again nor anything twice. The position itself still only moves
-- up to the horizon.
CREATE TABLE outbox_consumer_done (
    name   varchar(50)  NOT NULL REFERENCES outbox_consumer (name),
    tx_id  bigint       NOT NULL,
    PRIMARY KEY (name, tx_id)
);
