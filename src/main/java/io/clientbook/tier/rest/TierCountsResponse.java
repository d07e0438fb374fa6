package io.clientbook.tier.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.Tier;
import io.clientbook.tier.RfmSegment;
import io.clientbook.tier.TierCounts;

/** Preview result: what a run with a proposed policy would find now. */
@Schema(name = "TierPreview", description = "What a run as of now with the proposed policy would find, compared with the "
        + "customers' current tiers. Nothing is written. " + TierDefinitions.ABC)
public record TierCountsResponse(
        @Schema(description = "T of the preview") java.time.Instant asOf,
        @Schema(description = "The policy previewed: the proposal, with fields left out taken from the current policy") Policy policy,
        @Schema(description = "Customers that would be scored (all not erased)", examples = "15230") long customersScored,
        @Schema(description = "Customers per tier", examples = "{\"A\": 1204, \"B\": 2311, \"C\": 11715}") Map<Tier, Long> countsByTier,
        @Schema(description = "Customers per RFM segment (every segment present)") Map<RfmSegment, Long> countsBySegment,
        @Schema(description = "Customers that would move between tiers, per (from, to); pairs with none are left out") List<Move> moves,
        @Schema(description = "Customers whose tier would change (the sum of moves)", examples = "212") long tierChanges) {

    @Schema(name = "TierPolicyValues")
    public record Policy(int windowDays, java.math.BigDecimal cutA, java.math.BigDecimal cutB) {
    }

    @Schema(name = "TierMove")
    public record Move(@Schema(description = "Current tier; null for customers no run has scored yet") Tier from,
            Tier to, @Schema(examples = "37") long customers) {
    }

    public static TierCountsResponse of(java.time.Instant asOf, io.clientbook.tier.TierPolicyValues policy, TierCounts c) {
        List<Move> moves = c.moves().stream().map(m -> new Move(m.from(), m.to(), m.customers())).toList();
        return new TierCountsResponse(asOf, new Policy(policy.windowDays(), policy.cutA(), policy.cutB()),
                c.customersScored(), c.byTier(), c.bySegment(), moves, moves.stream().mapToLong(Move::customers).sum());
    }
}
