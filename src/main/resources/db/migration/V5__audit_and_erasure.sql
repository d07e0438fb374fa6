-- Clientbook V5: the audit trail (who read or changed what, from where). Erasure needs no schema change:
-- customer.erased_at exists since V1. The trail names fields, never their values: it must not become a
-- second copy of contact data.

CREATE TABLE audit_entry (
    id              uuid         PRIMARY KEY,
    occurred_at     timestamptz  NOT NULL,
    -- The API key (id and name at the time) or, for scheduled work, the job ('job:<name>').
    actor_key_id    varchar(100) NOT NULL,
    actor_name      varchar(100) NOT NULL,
    actor_role      varchar(20)  NOT NULL,
    -- The peer address of the HTTP connection; a forwarded one only if the proxy settings say so.
    remote_address  varchar(64),
    action          varchar(10)  NOT NULL CHECK (action IN ('READ', 'CREATE', 'UPDATE', 'DELETE', 'ERASE', 'EXPORT')),
    resource_type   varchar(40)  NOT NULL CHECK (resource_type ~ '^[a-z][a-z-]*$'),
    resource_id     varchar(100) NOT NULL,
    -- Customers are never deleted (erasure keeps the skeleton), so the trail can point at them.
    customer_id     uuid         REFERENCES customer (id),
    changed_fields  text[]       NOT NULL DEFAULT '{}',
    request_id      varchar(100)
);

-- Read newest first, keyset-paged on (occurred_at, id), both descending; these are scanned backwards.
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at, id);
CREATE INDEX audit_entry_customer_idx ON audit_entry (customer_id, occurred_at, id) WHERE customer_id IS NOT NULL;
CREATE INDEX audit_entry_actor_key_idx ON audit_entry (actor_key_id, occurred_at, id);
CREATE INDEX audit_entry_actor_name_idx ON audit_entry (actor_name, occurred_at, id);

-- Append-only, whoever writes: no UPDATE, DELETE or TRUNCATE, not even by a script with the app's
-- credentials. (The table's owner could still drop the triggers: run the service with a role that
-- does not own its tables in production; see the README.)
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
