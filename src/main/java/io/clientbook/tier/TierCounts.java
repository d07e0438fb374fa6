package io.clientbook.tier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.customer.Tier;

/**
 * What a run or a preview found, summed from the per-(current tier, new tier, segment) tallies:
 * customers per tier and per segment (every key present, zeros included), and the tier moves.
 */
public record TierCounts(long customersScored, Map<Tier, Long> byTier, Map<RfmSegment, Long> bySegment,
        List<Move> moves) {

    /** {@code customers} whose tier goes from {@code from} (null: not scored before) to {@code to}. */
    public record Move(Tier from, Tier to, long customers) {
    }

    public static TierCounts of(Collection<TierScoringSql.TierTally> tallies) {
        Map<Tier, Long> byTier = zeros(Tier.class);
        Map<RfmSegment, Long> bySegment = zeros(RfmSegment.class);
        Map<List<Tier>, Long> moves = new LinkedHashMap<>();
        long total = 0;
        for (TierScoringSql.TierTally t : tallies) {
            total += t.customers();
            byTier.merge(t.to(), t.customers(), Long::sum);
            bySegment.merge(t.segment(), t.customers(), Long::sum);
            if (!Objects.equals(t.from(), t.to())) {
                moves.merge(java.util.Arrays.asList(t.from(), t.to()), t.customers(), Long::sum);
            }
        }
        List<Move> list = new ArrayList<>();
        moves.forEach((k, v) -> list.add(new Move(k.get(0), k.get(1), v)));
        list.sort(java.util.Comparator.comparing((Move m) -> m.from() == null ? "" : m.from().name())
                .thenComparing(m -> m.to().name()));
        return new TierCounts(total, byTier, bySegment, List.copyOf(list));
    }

    /** Counts as stored on a run (a JSON object keyed by name), back in enum order with zeros filled in. */
    public static <E extends Enum<E>> Map<E, Long> fromStored(Class<E> type, String stored) {
        if (stored == null) {
            return null;
        }
        Map<E, Long> counts = zeros(type);
        try {
            STORAGE.readValue(stored, new TypeReference<Map<String, Long>>() {
            }).forEach((k, v) -> counts.put(Enum.valueOf(type, k), v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tier_run counts are not a JSON object of numbers: " + stored, e);
        }
        return counts;
    }

    /** Counts as a JSON object keyed by name, for a run's jsonb columns. */
    public static <E extends Enum<E>> String toStored(Map<E, Long> counts) {
        Map<String, Long> stored = new LinkedHashMap<>();
        counts.forEach((k, v) -> stored.put(k.name(), v));
        try {
            return STORAGE.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain mapper of our own: the stored form must not follow the REST layer's customisations. */
    private static final ObjectMapper STORAGE = new ObjectMapper();

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, 0L);
        }
        return map;
    }
}
