package io.clientbook.tier.rest;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.tier.TierPolicy;

@Schema(name = "TierPolicy", description = "The policy tier runs use. " + TierDefinitions.ABC)
public record TierPolicyResponse(
        @Schema(description = "Moves with every change; the ETag", examples = "3") long version,
        @Schema(description = "W: the window is (T - W days, T]; 1-3650", examples = "365") int windowDays,
        @Schema(description = "Share of the window's revenue that makes A: greater than 0, below cutB", examples = "0.80") BigDecimal cutA,
        @Schema(description = "Share of the window's revenue that makes B: above cutA, at most 1", examples = "0.95") BigDecimal cutB,
        Instant updatedAt,
        @Schema(description = "Name of the API key that changed it last", examples = "ops-admin") String updatedBy) {

    public static TierPolicyResponse of(TierPolicy p) {
        return new TierPolicyResponse(p.version, p.windowDays, p.cutA, p.cutB, p.updatedAt, p.updatedBy);
    }
}
