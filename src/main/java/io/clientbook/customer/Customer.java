package io.clientbook.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The customer file. Writable fields are versioned (their changes move the ETag). The computed
 * ones (stats, tier, RFM) are never written through this entity — purchases and tier runs update
 * them with set-based SQL under a row lock — so they are not updatable here, and updates write
 * only the columns that changed: an agent's edit can neither be made stale by a purchase nor
 * write stale statistics back.
 */
@Entity
@DynamicUpdate
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String email;
    public String phone;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(columnDefinition = "bpchar(2)")
    public String country;
    public String region;
    public String city;
    public String occupation;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public ContactChannel preferredChannel;
    /** JSON object keyed by channel; read and written through {@link StoredConsent}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String consent = "{}";
    public String owner;
    @Enumerated(EnumType.STRING)
    @Column(name = "need_orientation")
    public NeedOrientation needOrientation;
    @Enumerated(EnumType.STRING)
    @Column(name = "buying_stage")
    public BuyingStage buyingStage;
    @Column(name = "expected_purchase_date")
    public LocalDate expectedPurchaseDate;
    @Column(name = "not_buying_reason")
    public String notBuyingReason;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags = new String[0];
    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "bpchar(1)", updatable = false)
    public Tier tier;
    @Column(name = "tier_changed_at", updatable = false)
    public Instant tierChangedAt;
    @Column(name = "rfm_recency", updatable = false)
    public Short rfmRecency;
    @Column(name = "rfm_frequency", updatable = false)
    public Short rfmFrequency;
    @Column(name = "rfm_monetary", updatable = false)
    public Short rfmMonetary;
    @Column(name = "rfm_segment", updatable = false)
    public String rfmSegment;
    @Column(name = "purchase_count", nullable = false, updatable = false)
    public int purchaseCount;
    @Column(name = "total_spent", nullable = false, updatable = false)
    public BigDecimal totalSpent = BigDecimal.ZERO;
    @Column(name = "first_purchase_at", updatable = false)
    public Instant firstPurchaseAt;
    @Column(name = "last_purchase_at", updatable = false)
    public Instant lastPurchaseAt;
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
