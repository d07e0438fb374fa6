package io.clientbook.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of the audit trail, as read back. Rows are only ever inserted, by {@link AuditTrail} in
 * SQL; the entity is immutable and the table refuses UPDATE, DELETE and TRUNCATE by trigger.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public UUID id;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "actor_key_id", nullable = false)
    public String actorKeyId;
    @Column(name = "actor_name", nullable = false)
    public String actorName;
    @Column(name = "actor_role", nullable = false)
    public String actorRole;
    @Column(name = "remote_address")
    public String remoteAddress;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;
    @Column(name = "resource_type", nullable = false)
    public String resourceType;
    @Column(name = "resource_id", nullable = false)
    public String resourceId;
    @Column(name = "customer_id")
    public UUID customerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "changed_fields", nullable = false, columnDefinition = "text[]")
    public String[] changedFields = new String[0];
    @Column(name = "request_id")
    public String requestId;
}
