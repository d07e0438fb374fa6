-- Floor "the contract's writes" for POST /purchases: what the contract obliges one purchase to write,
-- done by hand, one statement per kind, in one transaction: lock the customer, insert the purchase and add
-- it to the customer's statistics, its audit entry, its feed event. Follow-up tasks are not in it: the
-- contract makes them after the commit. The event is the service's row under a type no worker reads, so
-- that the service's follow-up worker does not work for pgbench while it is measured. This is the
-- yardstick, written plainly; the service is measured against it, not the other way round.
\set n random(1, :customers)
\set r random(1, 1000000000000000)
BEGIN;
SELECT id, external_ref, erased_at IS NOT NULL FROM customer
WHERE id = md5(:idprefix || CAST(:n AS text))::uuid FOR NO KEY UPDATE;
WITH inserted AS (
    INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, product, channel, version, created_at)
    VALUES (gen_random_uuid(), md5(:idprefix || CAST(:n AS text))::uuid, 'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text),
            date_trunc('second', now()) - interval '1 minute', 19.99, 'EUR', 'product-07', 'web', 0, now())
    RETURNING id, customer_id, occurred_at, amount
)
UPDATE customer c
SET purchase_count = c.purchase_count + 1, total_spent = c.total_spent + i.amount,
    first_purchase_at = LEAST(c.first_purchase_at, i.occurred_at), last_purchase_at = GREATEST(c.last_purchase_at, i.occurred_at)
FROM inserted i WHERE c.id = i.customer_id
RETURNING i.id AS purchase_id \gset
INSERT INTO audit_entry (id, occurred_at, actor_key_id, actor_name, actor_role, remote_address, action,
                         resource_type, resource_id, customer_id, changed_fields, request_id)
VALUES (gen_random_uuid(), now(), 'bench-key', 'bench-shop', 'integration', '127.0.0.1', 'CREATE', 'purchase',
        CAST(:purchase_id AS text), md5(:idprefix || CAST(:n AS text))::uuid, '{externalId,occurredAt,amount,currency,product,channel}', 'pgbench');
INSERT INTO event_outbox (id, type, subject, occurred_at, data)
VALUES (gen_random_uuid(), 'bench.purchase_recorded', md5(:idprefix || CAST(:n AS text))::uuid, now(),
        jsonb_build_object('purchaseId', CAST(:purchase_id AS uuid), 'externalId', 'pgbench-' || CAST(:client_id AS text) || '-' || CAST(:r AS text),
                           'occurredAt', date_trunc('second', now()) - interval '1 minute', 'amount', 19.99, 'currency', 'EUR',
                           'product', 'product-07', 'channel', 'web'));
COMMIT;
