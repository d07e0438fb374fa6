-- Floor "the contract's writes" for POST /purchases/batch with :batch purchases of random customers, done by
-- hand, one statement per kind, in one transaction: lock the customers in id order, insert the purchases and
-- add them to the statistics (one statement), the audit entries (one), the feed events (one). Follow-up
-- tasks are not in it: the contract makes them after the commit. The event is the service's row under a type
-- no worker reads, so that the service's follow-up worker does not work for pgbench while it is measured.
-- The yardstick, written plainly: each statement derives the same batch from (:r, g), purchase ids included.
\set r random(1, 1000000000000000)
BEGIN;
SELECT id FROM customer
WHERE id = ANY (ARRAY(SELECT md5(:idprefix || (1 + (hashint8extended(g, CAST(:r AS bigint)) & 2147483647) % CAST(:customers AS bigint))::text)::uuid
                      FROM generate_series(1, CAST(:batch AS int)) g))
ORDER BY id FOR NO KEY UPDATE;
WITH inserted AS (
    INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, product, channel, version, created_at)
    SELECT md5('pgbench-' || CAST(:r AS text) || '-' || g)::uuid,
           md5(:idprefix || (1 + (hashint8extended(g, CAST(:r AS bigint)) & 2147483647) % CAST(:customers AS bigint))::text)::uuid,
           'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text) || '-' || g, date_trunc('second', now()) - interval '1 minute',
           19.99, 'EUR', 'product-07', 'web', 0, now()
    FROM generate_series(1, CAST(:batch AS int)) g
    ON CONFLICT (external_id) DO NOTHING
    RETURNING customer_id, occurred_at, amount
)
UPDATE customer c
SET purchase_count = c.purchase_count + s.n, total_spent = c.total_spent + s.total,
    first_purchase_at = LEAST(c.first_purchase_at, s.first_at), last_purchase_at = GREATEST(c.last_purchase_at, s.last_at)
FROM (SELECT customer_id, count(*) AS n, sum(amount) AS total, min(occurred_at) AS first_at, max(occurred_at) AS last_at
      FROM inserted GROUP BY customer_id) s
WHERE c.id = s.customer_id;
INSERT INTO audit_entry (id, occurred_at, actor_key_id, actor_name, actor_role, remote_address, action,
                         resource_type, resource_id, customer_id, changed_fields, request_id)
SELECT gen_random_uuid(), now(), 'bench-key', 'bench-shop', 'integration', '127.0.0.1', 'CREATE', 'purchase',
       md5('pgbench-' || CAST(:r AS text) || '-' || g)::uuid::text,
       md5(:idprefix || (1 + (hashint8extended(g, CAST(:r AS bigint)) & 2147483647) % CAST(:customers AS bigint))::text)::uuid,
       '{externalId,occurredAt,amount,currency,product,channel}', 'pgbench'
FROM generate_series(1, CAST(:batch AS int)) g;
INSERT INTO event_outbox (id, type, subject, occurred_at, data)
SELECT gen_random_uuid(), 'bench.purchase_recorded',
       md5(:idprefix || (1 + (hashint8extended(g, CAST(:r AS bigint)) & 2147483647) % CAST(:customers AS bigint))::text)::uuid, now(),
       jsonb_build_object('purchaseId', md5('pgbench-' || CAST(:r AS text) || '-' || g)::uuid,
                          'externalId', 'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text) || '-' || g,
                          'occurredAt', date_trunc('second', now()) - interval '1 minute', 'amount', 19.99,
                          'currency', 'EUR', 'product', 'product-07', 'channel', 'web')
FROM generate_series(1, CAST(:batch AS int)) g ORDER BY g;
COMMIT;
