package io.clientbook.feed;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The stored feed positions of readers that do side work from committed events (table
 * {@code outbox_consumer}, one row per reader). A reader locks its row for one batch, reads the events
 * after its position, does the work and moves the position, all in one transaction: the work and the
 * position commit together, so each event is handled exactly once, and replicas take turns.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxConsumers {

    @Inject
    EntityManager em;

    /**
     * Locks the reader's row until the transaction ends and returns its position. With {@code wait}
     * false, a row another transaction holds is skipped ({@code SKIP LOCKED}): empty, it is that one's turn.
     */
    public Optional<FeedPosition> lock(String consumer, boolean wait) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT after_tx_id, after_seq FROM outbox_consumer WHERE name = ?1 FOR UPDATE"
                + (wait ? "" : " SKIP LOCKED"), Object[].class).setParameter(1, consumer).getResultList();
        if (rows.isEmpty()) {
            if (!wait) {
                return Optional.empty();
            }
            throw new IllegalStateException("outbox consumer " + consumer + " is not in outbox_consumer (a migration seeds it)");
        }
        Object[] r = rows.get(0);
        return Optional.of(new FeedPosition(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
    }

    /**
     * Moves the reader's position forward to {@code to}; never back (the caller holds the row's lock).
     *
     * @return whether it moved
     */
    public boolean move(String consumer, FeedPosition to) {
        return moveIfStill(consumer, to, Duration.ZERO);
    }

    /**
     * Lists transactions above the horizon whose events the reader has handled, whole: it reads them
     * no more ({@code outbox_consumer_done}) until its position passes them ({@link #forgetPassed}).
     */
    public void markDone(String consumer, Collection<Long> txIds) {
        if (txIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO outbox_consumer_done (name, tx_id)
                SELECT ?1, CAST(t AS bigint) FROM unnest(string_to_array(?2, ',')) AS t
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, txIds.stream().map(String::valueOf).collect(Collectors.joining(","))).executeUpdate();
    }

    /**
     * Forgets the handled transactions that the stored position has passed: reads after it never meet
     * them. Only the stored one: forgotten while the position is still before them, they would be read
     * and handled again.
     */
    public void forgetPassed(String consumer, FeedPosition stored) {
        em.createNativeQuery("DELETE FROM outbox_consumer_done WHERE name = ?1 AND tx_id <= ?2")
                .setParameter(1, consumer).setParameter(2, stored.txId()).executeUpdate();
    }

    /**
     * Moves the position forward past events the reader had nothing to do with, but only if it was last
     * moved at least {@code quiet} ago. An idle reader would otherwise write its row at every poll, and
     * each of those writes is a transaction that moves the feed's end again. Left behind, the position
     * costs reads nothing for events of other types (the reads' index leads with the type), only a
     * second look at the reader's own events that it handled early and still lists.
     *
     * @return whether it moved
     */
    public boolean moveIfStill(String consumer, FeedPosition to, Duration quiet) {
        return em.createNativeQuery("""
                UPDATE outbox_consumer SET after_tx_id = ?2, after_seq = ?3, updated_at = now()
                WHERE name = ?1 AND (after_tx_id, after_seq) < (?2, ?3) AND updated_at <= now() - make_interval(secs => ?4)""")
                .setParameter(1, consumer).setParameter(2, to.txId()).setParameter(3, to.seq())
                .setParameter(4, quiet.toMillis() / 1000.0).executeUpdate() > 0;
    }
}
