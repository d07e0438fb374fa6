-- pgbench ceiling of POST /purchases/batch with :batch purchases of random customers: lock the customers in
-- id order, insert all purchases and update the stats in one statement, commit. As in insert-purchase.sql,
-- the audit entries, feed events and follow-up tasks the service also writes are not part of it.
\set r random(1, 1000000000000000)
BEGIN;
SELECT id FROM customer
WHERE id = ANY (ARRAY(SELECT md5(:idprefix || (1 + (hashint8extended(g, CAST(:r AS bigint)) & 2147483647) % CAST(:customers AS bigint))::text)::uuid
                      FROM generate_series(1, CAST(:batch AS int)) g))
ORDER BY id FOR NO KEY UPDATE;
WITH input AS (
    SELECT gen_random_uuid() AS id,
           md5(:idprefix || (1 + (hashint8extended(g, CAST(:r AS bigint)) & 2147483647) % CAST(:customers AS bigint))::text)::uuid AS customer_id,
           'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text) || '-' || g AS external_id,
           date_trunc('second', now()) - interval '1 minute' AS occurred_at, 19.99::numeric AS amount,
           'EUR' AS currency, 'product-07' AS product, 'web' AS channel
    FROM generate_series(1, CAST(:batch AS int)) g
), inserted AS (
    INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, product, channel, version, created_at)
    SELECT id, customer_id, external_id, occurred_at, amount, currency, product, channel, 0, now()
    FROM input ORDER BY external_id
    ON CONFLICT (external_id) DO NOTHING
    RETURNING id, customer_id, occurred_at, amount
), stats AS (
    UPDATE customer c
    SET purchase_count = c.purchase_count + s.n, total_spent = c.total_spent + s.total,
        first_purchase_at = LEAST(c.first_purchase_at, s.first_at), last_purchase_at = GREATEST(c.last_purchase_at, s.last_at)
    FROM (SELECT customer_id, count(*) AS n, sum(amount) AS total, min(occurred_at) AS first_at, max(occurred_at) AS last_at
          FROM inserted GROUP BY customer_id) s
    WHERE c.id = s.customer_id
)
SELECT count(*) FROM inserted;
COMMIT;
