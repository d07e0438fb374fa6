package io.clientbook.tier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.clientbook.customer.Tier;

/**
 * The tier definitions, in plain Java: the reference the run's SQL ({@link TierScoringSql}) must agree
 * with, kept small enough to read against the README. A run scores every customer as of {@code T}
 * over the window (T − W days, T], counting non-void purchases only:
 * <ul>
 * <li><b>Active</b> customers (≥ 1 purchase in the window) are ranked by window spend, highest first,
 * ties by customer id. A customer is A when the spend of everyone ranked above is below cutA of the
 * window's total spend, B when below cutB, otherwise C (the customer who crosses cutA is still A).</li>
 * <li>RFM of active customers: recency = whole days since the last purchase in the window, frequency =
 * purchases in the window, monetary = window spend; each scored 1–5 by quintile of rank (most recent /
 * most frequent / highest spend = 5, ties by customer id; quintiles as equal as PostgreSQL's
 * {@code ntile(5)} makes them, the larger ones first). The segment follows from R and F
 * ({@link RfmSegment#of}).</li>
 * <li>Others are C with no scores: {@link RfmSegment#LOST} if they bought before the window,
 * {@link RfmSegment#PROSPECT} if never.</li>
 * </ul>
 * Customer ids are ordered as PostgreSQL orders {@code uuid} (unsigned bytes), which is the order of
 * their canonical text, not {@link UUID#compareTo}.
 */
public final class TierScorer {

    /** PostgreSQL's uuid order: byte-wise, which equals the order of the lower-case canonical text. */
    public static final Comparator<UUID> ID_ORDER = Comparator.comparing(UUID::toString);

    private TierScorer() {
    }

    /** A purchase as the scorer sees it. */
    public record Purchase(UUID customerId, Instant occurredAt, BigDecimal amount, boolean voided) {
    }

    /** One customer's result; scores are null for customers without a purchase in the window. */
    public record Score(UUID customerId, Tier tier, Integer recency, Integer frequency, Integer monetary,
            RfmSegment segment) {
    }

    private static final class Window {
        final UUID id;
        BigDecimal spend = BigDecimal.ZERO;
        long frequency;
        Instant last;
        long recencyDays;

        Window(UUID id) {
            this.id = id;
        }
    }

    /** Scores {@code customers} from {@code purchases} (purchases of other customers are ignored). */
    public static Map<UUID, Score> score(Collection<UUID> customers, Collection<Purchase> purchases, Instant asOf,
            TierPolicyValues policy) {
        Instant windowStart = policy.windowStart(asOf);
        Map<UUID, Window> windows = new HashMap<>();
        Map<UUID, Boolean> boughtBefore = new HashMap<>();
        for (Purchase p : purchases) {
            if (p.voided() || p.occurredAt().isAfter(asOf)) {
                continue;
            }
            if (!p.occurredAt().isAfter(windowStart)) {
                boughtBefore.put(p.customerId(), true);
                continue;
            }
            Window w = windows.computeIfAbsent(p.customerId(), Window::new);
            w.spend = w.spend.add(p.amount());
            w.frequency++;
            if (w.last == null || p.occurredAt().isAfter(w.last)) {
                w.last = p.occurredAt();
            }
        }
        List<Window> active = new ArrayList<>();
        for (UUID id : customers) {
            Window w = windows.get(id);
            if (w != null) {
                w.recencyDays = Duration.between(w.last, asOf).toDays();
                active.add(w);
            }
        }

        Map<UUID, Tier> tiers = abc(active, policy);
        Map<UUID, Integer> r = quintiles(active, Comparator.<Window>comparingLong(w -> w.recencyDays));
        Map<UUID, Integer> f = quintiles(active, Comparator.<Window>comparingLong(w -> w.frequency).reversed());
        Map<UUID, Integer> m = quintiles(active, Comparator.<Window, BigDecimal>comparing(w -> w.spend).reversed());

        Map<UUID, Score> scores = new LinkedHashMap<>();
        for (UUID id : customers) {
            if (windows.containsKey(id)) {
                scores.put(id, new Score(id, tiers.get(id), r.get(id), f.get(id), m.get(id),
                        RfmSegment.of(r.get(id), f.get(id))));
            } else {
                scores.put(id, new Score(id, Tier.C, null, null, null,
                        boughtBefore.containsKey(id) ? RfmSegment.LOST : RfmSegment.PROSPECT));
            }
        }
        return scores;
    }

    /** ABC by cumulative share of the window's revenue of the customers ranked above each one. */
    private static Map<UUID, Tier> abc(List<Window> active, TierPolicyValues policy) {
        List<Window> ranked = sorted(active, Comparator.<Window, BigDecimal>comparing(w -> w.spend).reversed());
        BigDecimal total = ranked.stream().map(w -> w.spend).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal limitA = policy.cutA().multiply(total);
        BigDecimal limitB = policy.cutB().multiply(total);
        Map<UUID, Tier> tiers = new HashMap<>();
        BigDecimal above = BigDecimal.ZERO;
        for (Window w : ranked) {
            tiers.put(w.id, above.compareTo(limitA) < 0 ? Tier.A : above.compareTo(limitB) < 0 ? Tier.B : Tier.C);
            above = above.add(w.spend);
        }
        return tiers;
    }

    /**
     * Scores 5 (best) to 1 by rank, best first and ties by id: bucket sizes as PostgreSQL's
     * {@code ntile(5)} makes them (as equal as possible, the first buckets one larger).
     */
    private static Map<UUID, Integer> quintiles(List<Window> active, Comparator<Window> bestFirst) {
        List<Window> ranked = sorted(active, bestFirst);
        Map<UUID, Integer> scores = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            scores.put(ranked.get(i).id, 5 - ntileBucket(i, ranked.size(), 5));
        }
        return scores;
    }

    /** 0-based bucket of the 0-based position {@code i} among {@code n} rows in {@code k} buckets, as ntile does. */
    static int ntileBucket(int i, int n, int k) {
        int size = n / k;
        int larger = n % k;
        int inLarger = larger * (size + 1);
        return i < inLarger ? i / (size + 1) : larger + (i - inLarger) / size;
    }

    private static List<Window> sorted(List<Window> rows, Comparator<Window> order) {
        List<Window> copy = new ArrayList<>(rows);
        copy.sort(order.thenComparing(w -> w.id, ID_ORDER));
        return copy;
    }
}
