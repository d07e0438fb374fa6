-- Floor "the bare insert" for POST /purchases/batch: the same :batch purchase rows into purchase (with its
-- indexes and its customer foreign key) in one statement and one transaction, nothing else. Nothing can
-- ingest faster.
\set r random(1, 1000000000000000)
INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, product, channel, version, created_at)
SELECT md5('pgbench-' || CAST(:r AS text) || '-' || g)::uuid, md5(:idprefix || (1 + (hashint8extended(g, CAST(:r AS bigint)) & 2147483647) % CAST(:customers AS bigint))::text)::uuid,
       'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text) || '-' || g, date_trunc('second', now()) - interval '1 minute',
       19.99, 'EUR', 'product-07', 'web', 0, now()
FROM generate_series(1, CAST(:batch AS int)) g;
