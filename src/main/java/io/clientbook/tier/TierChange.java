package io.clientbook.tier;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's tier or RFM segment changing in a run. Written by the run's SQL only; read here. */
@Entity
@Table(name = "tier_change")
public class TierChange {

    @Id
    public long id;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;
    @Column(name = "run_id", nullable = false, updatable = false)
    public UUID runId;
    @Column(name = "from_tier", columnDefinition = "bpchar(1)", updatable = false)
    public String fromTier;
    @Column(name = "to_tier", columnDefinition = "bpchar(1)", updatable = false)
    public String toTier;
    @Column(name = "from_segment", updatable = false)
    public String fromSegment;
    @Column(name = "to_segment", updatable = false)
    public String toSegment;
    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;
}
