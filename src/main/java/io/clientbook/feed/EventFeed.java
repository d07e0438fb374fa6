package io.clientbook.feed;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Reads the feed in its total order, gap-free for a reader that follows cursors.
 * <p>
 * Events are ordered by (writing transaction id, sequence). Transaction ids are taken when a
 * transaction starts writing, but transactions commit in any order: a reader that simply served
 * every visible row could pass position (t2, …) while transaction t1 &lt; t2 is still open, and never
 * see t1's events. So only events of transactions older than the reading statement's snapshot xmin
 * are served: every transaction below xmin has finished (committed and visible, or rolled back), and
 * every transaction that may still add events has an id at or above xmin, hence a position after
 * anything served. The price: one long-running writing transaction holds the feed's end back until
 * it finishes (no event is lost or reordered meanwhile).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventFeed {

    /** The statement's horizon: transactions below it have all finished. */
    static final String HORIZON = "txid_snapshot_xmin(txid_current_snapshot())";

    @Inject
    EntityManager em;

    /** A page of the feed and the position to continue from (the given one when nothing is new). */
    public record FeedPage(List<FeedEvent> events, FeedPosition next) {
    }

    /** Up to {@code limit} events after {@code after}, of the given types (all when empty). */
    public FeedPage read(FeedPosition after, Set<String> types, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, tx_id, seq, type, subject, occurred_at, CAST(data AS text) FROM event_outbox
                WHERE (tx_id, seq) > (:tx, :seq) AND tx_id < """).append(HORIZON);
        if (!types.isEmpty()) {
            sql.append(" AND type IN (:types)");
        }
        sql.append(" ORDER BY tx_id, seq LIMIT :limit");
        Query query = em.createNativeQuery(sql.toString(), Object[].class)
                .setParameter("tx", after.txId()).setParameter("seq", after.seq()).setParameter("limit", limit);
        if (!types.isEmpty()) {
            query.setParameter("types", List.copyOf(types));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<FeedEvent> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            events.add(new FeedEvent((UUID) r[0], new FeedPosition(((Number) r[1]).longValue(), ((Number) r[2]).longValue()),
                    (String) r[3], (UUID) r[4], instant(r[5]), (String) r[6]));
        }
        return new FeedPage(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    /** The current end of the feed: every event served so far lies before it, every later one after it. */
    public FeedPosition end() {
        long horizon = ((Number) em.createNativeQuery("SELECT " + HORIZON).getSingleResult()).longValue();
        return FeedPosition.before(horizon);
    }

    /** A timestamptz column as the driver hands it to a native query, as an Instant. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
