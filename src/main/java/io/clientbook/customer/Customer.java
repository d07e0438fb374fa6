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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * The customer file. Writable fields are versioned (their changes move the ETag); the computed
 * ones (stats, tier, RFM) are excluded from optimistic locking, so a purchase arriving does not
 * make an agent's pending edit stale.
 */
@Entity
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
    /** JSON object keyed by channel; read and written through {@link CustomerService}. */
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

    @OptimisticLock(excluded = true)
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "bpchar(1)")
    public Tier tier;
    @OptimisticLock(excluded = true)
    @Column(name = "tier_changed_at")
    public Instant tierChangedAt;
    @OptimisticLock(excluded = true)
    @Column(name = "rfm_recency")
    public Short rfmRecency;
    @OptimisticLock(excluded = true)
    @Column(name = "rfm_frequency")
    public Short rfmFrequency;
    @OptimisticLock(excluded = true)
    @Column(name = "rfm_monetary")
    public Short rfmMonetary;
    @OptimisticLock(excluded = true)
    @Column(name = "rfm_segment")
    public String rfmSegment;
    @OptimisticLock(excluded = true)
    @Column(name = "purchase_count", nullable = false)
    public int purchaseCount;
    @OptimisticLock(excluded = true)
    @Column(name = "total_spent", nullable = false)
    public BigDecimal totalSpent = BigDecimal.ZERO;
    @OptimisticLock(excluded = true)
    @Column(name = "first_purchase_at")
    public Instant firstPurchaseAt;
    @OptimisticLock(excluded = true)
    @Column(name = "last_purchase_at")
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
