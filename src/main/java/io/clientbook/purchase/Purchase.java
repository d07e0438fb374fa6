package io.clientbook.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A purchase reported by a sending system, identified there by {@code externalId}. Immutable once
 * recorded except for voiding, which moves the version (the ETag). The customer is referenced by id
 * only: purchase writes never load the customer entity, whose stats they maintain in SQL.
 */
@Entity
@Table(name = "purchase")
public class Purchase {

    @Id
    public UUID id;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(name = "external_id", nullable = false)
    public String externalId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false, columnDefinition = "bpchar(3)")
    public String currency;
    public String product;
    public String channel;
    @Column(name = "voided_at")
    public Instant voidedAt;
    @Column(name = "void_reason")
    public String voidReason;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public PurchaseStatus status() {
        return voidedAt == null ? PurchaseStatus.RECORDED : PurchaseStatus.VOID;
    }
}
