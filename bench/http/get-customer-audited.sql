-- pgbench equivalent of all GET /customers/{id} must do by contract: read the row and record the read in
-- the audit trail (one insert), committed before the answer; like the service, without waiting for the
-- WAL flush of a transaction that only records a read (AuditTrail.recordRead).
\set n random(1, :customers)
BEGIN;
SET LOCAL synchronous_commit = off;
SELECT * FROM customer c WHERE c.id = md5(:idprefix || CAST(:n AS text))::uuid AND c.erased_at IS NULL;
INSERT INTO audit_entry (id, occurred_at, actor_key_id, actor_name, actor_role, remote_address, action,
                         resource_type, resource_id, customer_id, changed_fields, request_id)
VALUES (gen_random_uuid(), now(), 'pgbench', 'pgbench', 'agent', '127.0.0.1', 'READ', 'customer',
        md5(:idprefix || CAST(:n AS text))::uuid::text, md5(:idprefix || CAST(:n AS text))::uuid, '{}', gen_random_uuid()::text);
COMMIT;
