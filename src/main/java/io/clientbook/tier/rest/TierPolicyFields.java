package io.clientbook.tier.rest;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.tier.TierPolicyService;

/** A policy as sent by a client: all three fields to replace it; any of them to preview. */
@Schema(name = "TierPolicyFields", description = "windowDays 1-3650; 0 < cutA < cutB <= 1, at most 4 decimals each")
public record TierPolicyFields(
        @Schema(description = "Window length W in days, 1-3650", examples = "365") Integer windowDays,
        @Schema(description = "A while the revenue of those ranked above is below this share; in (0, 1), below cutB", examples = "0.8") BigDecimal cutA,
        @Schema(description = "B while below this share; above cutA, at most 1", examples = "0.95") BigDecimal cutB) {

    public TierPolicyService.Proposal proposal() {
        return new TierPolicyService.Proposal(windowDays, cutA, cutB);
    }
}
