-- pgbench ceiling of POST /purchases: lock the customer row, insert the purchase and add it to the
-- customer's stats in one statement (PurchaseRepository's SQL), commit. The service also writes, in the
-- same transaction, the audit entry, the feed event and the follow-up tasks with theirs; this does not.
\set n random(1, :customers)
\set r random(1, 1000000000000000)
BEGIN;
SELECT id, external_ref, erased_at IS NOT NULL FROM customer
WHERE id = md5(:idprefix || CAST(:n AS text))::uuid ORDER BY id FOR NO KEY UPDATE;
WITH input AS (
    SELECT gen_random_uuid() AS id, md5(:idprefix || CAST(:n AS text))::uuid AS customer_id,
           'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text) AS external_id, date_trunc('second', now()) - interval '1 minute' AS occurred_at,
           19.99::numeric AS amount, 'EUR' AS currency, 'product-07' AS product, 'web' AS channel
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
SELECT id FROM inserted;
COMMIT;
