package io.clientbook.tier.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.Tier;
import io.clientbook.tier.RfmSegment;
import io.clientbook.tier.RunStatus;
import io.clientbook.tier.RunTrigger;
import io.clientbook.tier.TierCounts;
import io.clientbook.tier.TierRun;

@Schema(name = "TierRun", description = "One run of the tier scoring: RUNNING, then SUCCEEDED (tiers, RFM and history "
        + "committed together) or FAILED (nothing changed; see error).")
public record TierRunResponse(
        UUID id,
        RunStatus status,
        @Schema(description = "SCHEDULE (the nightly job) or MANUAL (POST /tier-runs)") RunTrigger trigger,
        @Schema(description = "Name of the API key that started it, or 'schedule'", examples = "ops-admin") String triggeredBy,
        @Schema(description = "T: customers are scored as of this moment (the start)") Instant asOf,
        Instant startedAt,
        @Schema(description = "Null while RUNNING") Instant finishedAt,
        @Schema(description = "The policy the run used") Policy policy,
        @Schema(description = "Customers scored; null until SUCCEEDED", examples = "15230") Long customersScored,
        @Schema(description = "Customers whose tier or RFM segment changed (rows of their tier history); null until SUCCEEDED",
                examples = "212") Long changes,
        @Schema(description = "Customers per tier after the run; null until SUCCEEDED",
                examples = "{\"A\": 1204, \"B\": 2311, \"C\": 11715}") Map<Tier, Long> countsByTier,
        @Schema(description = "Customers per RFM segment after the run; null until SUCCEEDED") Map<RfmSegment, Long> countsBySegment,
        @Schema(description = "How often the scoring was attempted (a deadlock is retried once)", examples = "1") int attempts,
        @Schema(description = "Why it FAILED", examples = "deadlock detected") String error) {

    @Schema(name = "TierRunPolicy", description = "The policy version and values a run used")
    public record Policy(@Schema(examples = "3") long version, @Schema(examples = "365") int windowDays,
            @Schema(examples = "0.80") BigDecimal cutA, @Schema(examples = "0.95") BigDecimal cutB) {
    }

    public static TierRunResponse of(TierRun r) {
        return new TierRunResponse(r.id, r.status, r.trigger, r.triggeredBy, r.asOf, r.startedAt, r.finishedAt,
                new Policy(r.policyVersion, r.windowDays, r.cutA, r.cutB), r.customersScored, r.changes,
                TierCounts.fromStored(Tier.class, r.countsByTier), TierCounts.fromStored(RfmSegment.class, r.countsBySegment),
                r.attempts, r.error);
    }
}
