package io.clientbook.tier;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The one tier policy (row id 1); its version is the ETag, and each run copies the values it used. */
@Entity
@Table(name = "tier_policy")
public class TierPolicy {

    public static final short ID = 1;

    @Id
    public short id;
    @Column(name = "window_days", nullable = false)
    public int windowDays;
    @Column(name = "cut_a", nullable = false)
    public BigDecimal cutA;
    @Column(name = "cut_b", nullable = false)
    public BigDecimal cutB;
    @Version
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public TierPolicyValues values() {
        return new TierPolicyValues(windowDays, cutA, cutB);
    }
}
