package io.clientbook.tier.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.Tier;
import io.clientbook.tier.RfmSegment;
import io.clientbook.tier.TierChange;

@Schema(name = "TierChange", description = "A run changed the customer's tier or RFM segment (or both)")
public record TierChangeResponse(
        @Schema(description = "Opaque id of the entry", examples = "1042") String id,
        @Schema(description = "The run that made the change") UUID runId,
        @Schema(description = "Tier before; null when no run had scored the customer") Tier fromTier,
        Tier toTier,
        @Schema(description = "RFM segment before; null when no run had scored the customer") RfmSegment fromSegment,
        RfmSegment toSegment,
        @Schema(description = "The run's T (as of)") Instant changedAt) {

    public static TierChangeResponse of(TierChange c) {
        return new TierChangeResponse(Long.toString(c.id), c.runId, c.fromTier == null ? null : Tier.valueOf(c.fromTier),
                Tier.valueOf(c.toTier), c.fromSegment == null ? null : RfmSegment.valueOf(c.fromSegment),
                RfmSegment.valueOf(c.toSegment), c.changedAt);
    }
}
