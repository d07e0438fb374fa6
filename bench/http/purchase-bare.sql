-- Floor "the bare insert" for POST /purchases: the purchase row into purchase (with its indexes and its
-- customer foreign key), one per transaction, nothing else. Nothing can record a purchase faster.
\set n random(1, :customers)
\set r random(1, 1000000000000000)
INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, product, channel, version, created_at)
VALUES (gen_random_uuid(), md5(:idprefix || CAST(:n AS text))::uuid, 'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text),
        date_trunc('second', now()) - interval '1 minute', 19.99, 'EUR', 'product-07', 'web', 0, now());
