package io.clientbook.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One tier run: when, why, with which policy, and what it found. */
@Entity
@Table(name = "tier_run")
public class TierRun {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false)
    public RunTrigger trigger;
    @Column(name = "triggered_by")
    public String triggeredBy;
    /** T: every customer is scored as of this moment, the run's start. */
    @Column(name = "as_of", nullable = false)
    public Instant asOf;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "policy_version", nullable = false)
    public long policyVersion;
    @Column(name = "window_days", nullable = false)
    public int windowDays;
    @Column(name = "cut_a", nullable = false)
    public BigDecimal cutA;
    @Column(name = "cut_b", nullable = false)
    public BigDecimal cutB;
    @Column(name = "customers_scored")
    public Long customersScored;
    public Long changes;
    /** JSON object: customers per tier ({@link TierCounts#toStored}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counts_by_tier")
    public String countsByTier;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counts_by_segment")
    public String countsBySegment;
    /** How many times the scoring was attempted (a deadlock or serialization failure is retried once). */
    @Column(nullable = false)
    public short attempts;
    public String error;
    @Version
    public long version;

    public TierPolicyValues policy() {
        return new TierPolicyValues(windowDays, cutA, cutB);
    }
}
