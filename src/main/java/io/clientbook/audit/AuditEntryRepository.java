package io.clientbook.audit;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The audit table: set-based inserts and keyset-paged reads, both SQL on purpose — one statement
 * per action however many rows it touches (a batch of 1,000 purchases is one insert), and reads that
 * match the (…, occurred_at, id) indexes exactly.
 */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** Inserts one entry per target, all with the same actor, action, time and origin, in one statement. */
    void insert(Instant at, AuditActor actor, RequestOrigin.Origin origin, AuditAction action, List<AuditTarget> targets) {
        int n = targets.size();
        Object[] ids = new Object[n];
        String[] types = new String[n];
        String[] resourceIds = new String[n];
        Object[] customers = new Object[n];
        String[] fields = new String[n];
        for (int i = 0; i < n; i++) {
            AuditTarget t = targets.get(i);
            ids[i] = UUID.randomUUID();
            types[i] = t.resourceType();
            resourceIds[i] = t.resourceId();
            customers[i] = t.customerId();
            // Field names are identifiers (checked by AuditTrail), so a comma cannot occur in one.
            fields[i] = String.join(",", t.changedFields());
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO audit_entry (id, occurred_at, actor_key_id, actor_name, actor_role, remote_address, action,
                                             resource_type, resource_id, customer_id, changed_fields, request_id)
                    SELECT t.id, ?, ?, ?, ?, ?, ?, t.resource_type, t.resource_id, t.customer_id,
                           coalesce(string_to_array(nullif(t.fields, ''), ','), '{}'), ?
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[])
                        AS t (id, resource_type, resource_id, customer_id, fields)""")) {
                ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(2, actor.keyId());
                ps.setString(3, actor.name());
                ps.setString(4, actor.role());
                ps.setString(5, origin.remoteAddress());
                ps.setString(6, action.name());
                ps.setString(7, origin.requestId());
                ps.setArray(8, connection.createArrayOf("uuid", ids));
                ps.setArray(9, connection.createArrayOf("text", types));
                ps.setArray(10, connection.createArrayOf("text", resourceIds));
                ps.setArray(11, connection.createArrayOf("uuid", customers));
                ps.setArray(12, connection.createArrayOf("text", fields));
                ps.executeUpdate();
            }
        });
    }

    /**
     * Inserts one entry per row of {@code sourceSelect} (columns {@code resource_id} text and
     * {@code customer_id} uuid; named parameters bound from {@code parameters}), in one INSERT … SELECT:
     * the set-based path for changes made set-based (tasks of the daily job or a campaign).
     */
    int insertAll(Instant at, AuditActor actor, RequestOrigin.Origin origin, AuditAction action, String resourceType,
            List<String> changedFields, String sourceSelect, java.util.Map<String, ?> parameters) {
        jakarta.persistence.Query insert = getEntityManager().createNativeQuery("""
                INSERT INTO audit_entry (id, occurred_at, actor_key_id, actor_name, actor_role, remote_address, action,
                                         resource_type, resource_id, customer_id, changed_fields, request_id)
                SELECT CAST(md5(:auditBatch || ':' || s.ord) AS uuid), :auditAt, :auditKeyId, :auditName, :auditRole,
                       :auditAddress, :auditAction, :auditType, s.resource_id, s.customer_id,
                       string_to_array(:auditFields, ','), :auditRequestId
                FROM (SELECT src.resource_id, src.customer_id, row_number() OVER () AS ord FROM (%s) src) s"""
                .formatted(sourceSelect))
                .setParameter("auditBatch", UUID.randomUUID().toString())
                .setParameter("auditAt", at)
                .setParameter("auditKeyId", actor.keyId())
                .setParameter("auditName", actor.name())
                .setParameter("auditRole", actor.role())
                .setParameter("auditAddress", origin.remoteAddress())
                .setParameter("auditAction", action.name())
                .setParameter("auditType", resourceType)
                .setParameter("auditFields", String.join(",", changedFields))
                .setParameter("auditRequestId", origin.requestId());
        parameters.forEach(insert::setParameter);
        return insert.executeUpdate();
    }

    /** One page of entries, newest first, after the keyset position (occurredAt, id) if given. */
    @SuppressWarnings("unchecked")
    List<AuditEntry> page(AuditQuery query, Instant afterAt, UUID afterId, int size) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry a WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (query.customerId() != null) {
            sql.append(" AND a.customer_id = :customer");
            params.put("customer", query.customerId());
        }
        if (query.actor() != null) {
            sql.append(" AND (a.actor_key_id = :actor OR a.actor_name = :actor)");
            params.put("actor", query.actor());
        }
        if (query.action() != null) {
            sql.append(" AND a.action = :action");
            params.put("action", query.action().name());
        }
        if (query.resourceType() != null) {
            sql.append(" AND a.resource_type = :type");
            params.put("type", query.resourceType());
        }
        if (query.from() != null) {
            sql.append(" AND a.occurred_at >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            sql.append(" AND a.occurred_at < :to");
            params.put("to", query.to());
        }
        if (afterId != null) {
            sql.append(" AND (a.occurred_at, a.id) < (:afterAt, :afterId)");
            params.put("afterAt", afterAt);
            params.put("afterId", afterId);
        }
        sql.append(" ORDER BY a.occurred_at DESC, a.id DESC LIMIT :size");
        params.put("size", size);
        var q = getEntityManager().createNativeQuery(sql.toString(), AuditEntry.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Whether a customer with this id exists, erased or not: the trail of an erased customer stays readable. */
    boolean customerExists(UUID customerId) {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM customer WHERE id = ?1")
                .setParameter(1, customerId).getResultList().isEmpty();
    }
}
