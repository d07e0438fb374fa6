package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.clientbook.customer.Tier;
import io.clientbook.tier.TierScorer.Purchase;
import io.clientbook.tier.TierScorer.Score;

class TierScorerTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private static final TierPolicyValues POLICY = TierPolicyValues.DEFAULT;

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    private static Purchase bought(UUID customer, String amount, Duration ago) {
        return new Purchase(customer, T.minus(ago), new BigDecimal(amount), false);
    }

    private static Purchase bought(UUID customer, String amount) {
        return bought(customer, amount, Duration.ofDays(10));
    }

    @Test
    void shouldKeepTheCustomerWhoCrossesTheCutAInTierA() {
        // 50 + 40 = 90: the second customer crosses 80 %, but those ranked above them have only 50 %.
        Map<UUID, Score> s = TierScorer.score(List.of(id(1), id(2), id(3)),
                List.of(bought(id(1), "50"), bought(id(2), "40"), bought(id(3), "10")), T, POLICY);
        assertThat(s.get(id(1)).tier()).isEqualTo(Tier.A);
        assertThat(s.get(id(2)).tier()).isEqualTo(Tier.A);
        assertThat(s.get(id(3)).tier()).isEqualTo(Tier.B);
    }

    @Test
    void shouldMakeBWhileTheSpendAboveIsBelowCutBAndCAfter() {
        // Above each: 0, 60, 90 (B: below 95), 95 (C: not below 95).
        Map<UUID, Score> s = TierScorer.score(List.of(id(1), id(2), id(3), id(4)),
                List.of(bought(id(1), "60"), bought(id(2), "30"), bought(id(3), "5"), bought(id(4), "5")), T, POLICY);
        assertThat(s.values()).extracting(Score::tier).containsExactly(Tier.A, Tier.A, Tier.B, Tier.C);
    }

    @Test
    void shouldBreakSpendTiesByCustomerIdInPostgresUuidOrder() {
        // As signed longs 0x8… sorts before 0x1…; PostgreSQL (and the text) put 1… first.
        UUID low = UUID.fromString("10000000-0000-4000-8000-000000000000");
        UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");
        TierPolicyValues half = new TierPolicyValues(365, new BigDecimal("0.5"), new BigDecimal("0.9"));
        Map<UUID, Score> s = TierScorer.score(List.of(high, low), List.of(bought(high, "50"), bought(low, "50")), T, half);
        assertThat(s.get(low).tier()).isEqualTo(Tier.A);
        assertThat(s.get(high).tier()).isEqualTo(Tier.B);
        assertThat(s.get(low).monetary()).isEqualTo(5);
        assertThat(s.get(high).monetary()).isEqualTo(4);
    }

    @Test
    void shouldGiveCustomersWhoNeverBoughtCAndProspectWithoutScores() {
        Score s = TierScorer.score(List.of(id(1), id(2)), List.of(bought(id(2), "10")), T, POLICY).get(id(1));
        assertThat(s).isEqualTo(new Score(id(1), Tier.C, null, null, null, RfmSegment.PROSPECT));
    }

    @Test
    void shouldGiveCustomersWithOnlyOldPurchasesCAndLost() {
        Map<UUID, Score> s = TierScorer.score(List.of(id(1), id(2)),
                List.of(bought(id(1), "9999", Duration.ofDays(400)), bought(id(2), "1")), T, POLICY);
        assertThat(s.get(id(1))).isEqualTo(new Score(id(1), Tier.C, null, null, null, RfmSegment.LOST));
        assertThat(s.get(id(2)).tier()).isEqualTo(Tier.A);
    }

    @Test
    void shouldCountThePurchaseAtTButNotTheOneAtTheWindowStart() {
        Map<UUID, Score> s = TierScorer.score(List.of(id(1), id(2), id(3)), List.of(
                bought(id(1), "10", Duration.ofDays(365)),
                bought(id(2), "10", Duration.ofDays(365).minusNanos(1000)),
                bought(id(3), "10", Duration.ZERO)), T, POLICY);
        assertThat(s.get(id(1)).segment()).isEqualTo(RfmSegment.LOST);
        assertThat(s.get(id(2)).tier()).isNotNull();
        assertThat(s.get(id(2)).recency()).isEqualTo(4);
        assertThat(s.get(id(3)).recency()).isEqualTo(5);
    }

    @Test
    void shouldIgnoreVoidPurchasesAndPurchasesAfterT() {
        Map<UUID, Score> s = TierScorer.score(List.of(id(1), id(2), id(3)), List.of(
                new Purchase(id(1), T.minus(Duration.ofDays(1)), new BigDecimal("1000000"), true),
                bought(id(1), "1", Duration.ofDays(3)),
                bought(id(2), "4.5", Duration.ofDays(3)),
                bought(id(2), "4.5", Duration.ofDays(4)),
                new Purchase(id(3), T.minus(Duration.ofDays(2)), new BigDecimal("500"), true),
                new Purchase(id(3), T.plusSeconds(60), new BigDecimal("500"), false)), T, POLICY);
        // Counted: 1 of 10 for customer 1 (B), not a million; and 1 purchase (F4) against customer 2's 2 (F5).
        assertThat(s.get(id(2)).tier()).isEqualTo(Tier.A);
        assertThat(s.get(id(1)).tier()).isEqualTo(Tier.B);
        assertThat(s.get(id(1)).frequency()).isEqualTo(4);
        assertThat(s.get(id(2)).frequency()).isEqualTo(5);
        assertThat(s.get(id(3))).isEqualTo(new Score(id(3), Tier.C, null, null, null, RfmSegment.PROSPECT));
    }

    @Test
    void shouldScoreQuintilesLikeNtileWithTheLargerBucketsOnTop() {
        // 7 customers, 1..7 purchases: ntile(5) buckets of 2, 2, 1, 1, 1.
        List<UUID> customers = new ArrayList<>();
        List<Purchase> purchases = new ArrayList<>();
        for (int c = 1; c <= 7; c++) {
            customers.add(id(c));
            for (int p = 0; p < c; p++) {
                purchases.add(bought(id(c), "1", Duration.ofDays(5)));
            }
        }
        Map<UUID, Score> s = TierScorer.score(customers, purchases, T, POLICY);
        assertThat(customers).extracting(c -> s.get(c).frequency()).containsExactly(1, 2, 3, 4, 4, 5, 5);
    }

    @Test
    void shouldRankRecencyByWholeDaysThenById() {
        // 1 and 2 bought on the same day (different hours): tie on 3 days, broken by id; 3 bought 5 days ago.
        Map<UUID, Score> s = TierScorer.score(List.of(id(1), id(2), id(3)), List.of(
                bought(id(2), "1", Duration.ofDays(3).plusHours(1)),
                bought(id(1), "1", Duration.ofDays(3).plusHours(20)),
                bought(id(3), "1", Duration.ofDays(5))), T, POLICY);
        assertThat(s.get(id(1)).recency()).isEqualTo(5);
        assertThat(s.get(id(2)).recency()).isEqualTo(4);
        assertThat(s.get(id(3)).recency()).isEqualTo(3);
    }

    @Test
    void shouldNameTheSegmentFromRecencyAndFrequency() {
        // One customer alone: R5 F5 M5, CHAMPIONS, and A.
        Score s = TierScorer.score(List.of(id(1)), List.of(bought(id(1), "3")), T, POLICY).get(id(1));
        assertThat(s).isEqualTo(new Score(id(1), Tier.A, 5, 5, 5, RfmSegment.CHAMPIONS));
    }

    @Test
    void shouldPlaceNtileBucketsAsPostgresDoes() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).extracting(i -> TierScorer.ntileBucket(i, 7, 5))
                .containsExactly(0, 0, 1, 1, 2, 3, 4);
        assertThat(List.of(0, 1)).extracting(i -> TierScorer.ntileBucket(i, 2, 5)).containsExactly(0, 1);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)).extracting(i -> TierScorer.ntileBucket(i, 10, 5))
                .containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4);
    }

    @Test
    void shouldValidatePolicyValuesNamingTheField() {
        assertThat(TierPolicyValues.check(0, new BigDecimal("0.8"), new BigDecimal("0.95")))
                .extracting(e -> e.field()).containsExactly("windowDays");
        assertThat(TierPolicyValues.check(365, new BigDecimal("0.95"), new BigDecimal("0.8")))
                .extracting(e -> e.field()).containsExactly("cutB");
        assertThat(TierPolicyValues.check(365, BigDecimal.ZERO, new BigDecimal("1.01")))
                .extracting(e -> e.field()).containsExactly("cutA", "cutB");
        assertThat(TierPolicyValues.check(365, new BigDecimal("0.12345"), BigDecimal.ONE))
                .extracting(e -> e.field()).containsExactly("cutA");
        assertThat(TierPolicyValues.check(3650, new BigDecimal("0.5"), BigDecimal.ONE)).isEmpty();
    }
}
