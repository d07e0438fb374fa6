package io.clientbook.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.clientbook.audit.AuditTrail;
import io.clientbook.common.Timestamps;
import io.clientbook.feed.EventFeed;
import io.clientbook.feed.FeedEventTypes;
import io.clientbook.feed.FeedPosition;
import io.clientbook.feed.OutboxConsumers;

/**
 * A purchase's follow-up tasks (THANK_YOU, SATISFACTION_SURVEY), made from its committed
 * {@code purchase.recorded} event rather than in the purchase's transaction, one batch of events per
 * transaction ({@link PurchaseFollowUpWorker} runs the batches).
 * <p>
 * What the rules promised in the purchase's transaction still holds, through the same generation
 * ({@link TaskGenerator}): consent, the frequency cap, the assignee, the rule's settings (as they are
 * when the batch runs), skips with their reasons, one task per rule and trigger
 * ({@code purchase:<id>}). Lateness is judged against the time the purchase was recorded, not the time
 * the batch runs, so a worker that was down for a day does not skip yesterday's purchases as
 * TOO_LATE. A purchase voided before its batch runs asks for nothing; an erased customer gets nothing.
 * The tasks, their audit entries and feed events, and the moved position commit together.
 * <p>
 * The position never passes the feed's horizon (the oldest transaction running on the server), but a
 * batch does not wait for it either: transactions above it that have committed are handled at once,
 * whole, and listed in {@code outbox_consumer_done} until the position passes them, so that no read
 * meets them again. A long writer anywhere on the server therefore delays nobody's follow-ups but
 * those of its own purchases.
 */
@ApplicationScoped
public class PurchaseFollowUps {

    /** The worker's name in {@code outbox_consumer} and, as the actor, in the audit trail. */
    static final String CONSUMER = "purchase-follow-ups";
    /**
     * How often an idle worker stores its position: past transactions without purchases, and past those
     * it handled early, which it then forgets.
     */
    private static final Duration IDLE_CHECKPOINT = Duration.ofMinutes(1);
    /** Events below the horizon: every transaction there has ended. */
    private static final String SETTLED = "e.tx_id < :horizon";
    /** Events above it: of transactions that have committed while an older one is still running. */
    private static final String EARLY = "e.tx_id >= :horizon";
    private static final List<FollowUpRuleId> RULES = List.of(FollowUpRuleId.THANK_YOU, FollowUpRuleId.SATISFACTION_SURVEY);

    @Inject
    EntityManager em;
    @Inject
    OutboxConsumers consumers;
    @Inject
    EventFeed feed;
    @Inject
    FollowUpRuleService rules;
    @Inject
    TaskGenerator generator;
    @Inject
    TasksConfig config;
    @Inject
    AuditTrail trail;

    /** A purchase.recorded event with what the rules need of its purchase (null when the purchase is gone). */
    record Recorded(FeedPosition position, Instant recordedAt, UUID purchaseId, UUID customerId, Instant occurredAt,
            boolean voided) {
    }

    /**
     * What one batch did: whether it ran (false: another worker held the turn), when each event it
     * handled was recorded, whether it was full (more may be waiting), and the position it reached:
     * every purchase event before it has been handled (an idle batch may store an older one).
     */
    public record Batch(boolean ran, List<Instant> recordedAt, boolean full, FeedPosition position) {

        static final Batch NOT_RUN = new Batch(false, List.of(), false, null);
    }

    /**
     * Handles up to {@code limit} purchase events after the stored position, in a transaction of its
     * own. With {@code wait} false a batch another worker is at is not waited for ({@link Batch#NOT_RUN}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch next(int limit, boolean wait) {
        Optional<FeedPosition> locked = consumers.lock(CONSUMER, wait);
        if (locked.isEmpty()) {
            return Batch.NOT_RUN;
        }
        FeedPosition after = locked.get();
        // One horizon for the batch, read before the events: everything below it has finished, so a
        // batch that is not full has seen every event below it and may move the position up to it.
        FeedPosition end = feed.end();
        long horizon = end.txId() + 1;
        List<Recorded> settled = read(SETTLED, after, horizon, limit);
        boolean full = settled.size() == limit;
        // Transactions above the horizon that have committed already: handled now rather than when
        // every older transaction on the server has ended, and listed so that no read meets them again.
        List<Recorded> early = full ? List.of() : wholeTransactions(read(EARLY, after, horizon, limit - settled.size() + 1),
                limit - settled.size());
        List<Recorded> events = new ArrayList<>(settled);
        events.addAll(early);
        if (!events.isEmpty()) {
            Instant now = Timestamps.now();
            trail.asJob(CONSUMER, () -> RULES.forEach(id -> rules.enabled(id).ifPresent(rule -> generate(id, rule, events, now))));
        }
        consumers.markDone(CONSUMER, early.stream().map(e -> e.position().txId()).distinct().toList());
        FeedPosition to = full ? settled.get(settled.size() - 1).position() : end;
        boolean moved = events.isEmpty() ? consumers.moveIfStill(CONSUMER, to, IDLE_CHECKPOINT) : consumers.move(CONSUMER, to);
        if (moved) {
            consumers.forgetPassed(CONSUMER, to);
        }
        FeedPosition reached = to.compareTo(after) > 0 ? to : after;
        return new Batch(true, events.stream().map(Recorded::recordedAt).toList(), full, reached);
    }

    /** The first transaction id not yet assigned: every transaction that started before this call has a lower one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long nextTransactionId() {
        return ((Number) em.createNativeQuery("SELECT txid_snapshot_xmax(txid_current_snapshot())").getSingleResult())
                .longValue();
    }

    /** Purchase events after the position on one side of the horizon, leaving out transactions already handled early. */
    private List<Recorded> read(String side, FeedPosition after, long horizon, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.tx_id, e.seq, e.occurred_at, p.id, p.customer_id, p.occurred_at, p.voided_at IS NOT NULL
                FROM event_outbox e LEFT JOIN purchase p ON p.id = CAST(e.data ->> 'purchaseId' AS uuid)
                WHERE e.type = :type AND (e.tx_id, e.seq) > (:tx, :seq) AND %s
                  AND NOT EXISTS (SELECT 1 FROM outbox_consumer_done d WHERE d.name = :consumer AND d.tx_id = e.tx_id)
                ORDER BY e.tx_id, e.seq LIMIT :limit""".formatted(side), Object[].class)
                .setParameter("type", FeedEventTypes.PURCHASE_RECORDED).setParameter("tx", after.txId())
                .setParameter("seq", after.seq()).setParameter("horizon", horizon).setParameter("consumer", CONSUMER)
                .setParameter("limit", limit).getResultList();
        List<Recorded> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            events.add(new Recorded(new FeedPosition(((Number) r[0]).longValue(), ((Number) r[1]).longValue()),
                    EventFeed.instant(r[2]), (UUID) r[3], (UUID) r[4], r[5] == null ? null : EventFeed.instant(r[5]),
                    Boolean.TRUE.equals(r[6])));
        }
        return events;
    }

    /**
     * The events of the transactions that fit whole in {@code room}, read with one row more than that:
     * when the read was cut, the last transaction may go on past it and waits, whole, for a later batch
     * or for the horizon (a transaction larger than the room is only ever handled below it).
     */
    static List<Recorded> wholeTransactions(List<Recorded> read, int room) {
        if (read.size() <= room) {
            return read;
        }
        long cut = read.get(read.size() - 1).position().txId();
        return read.stream().filter(e -> e.position().txId() != cut).limit(room).toList();
    }

    /**
     * One rule over the batch. A candidate that was already overdue by more than the lateness when its
     * purchase was recorded goes into a generation of its own that skips each one TOO_LATE; the others
     * are judged without a lateness check. So each purchase is judged as of its own recording, with at
     * most two statements per rule for the whole batch.
     */
    private void generate(FollowUpRuleId id, FollowUpRuleFields rule, List<Recorded> events, Instant now) {
        List<TaskGenerationSql.Candidate> timely = new ArrayList<>();
        List<TaskGenerationSql.Candidate> late = new ArrayList<>();
        Instant latestLateDue = null;
        for (Recorded e : events) {
            if (e.purchaseId() == null || e.voided()) {
                continue;
            }
            Instant due = FollowUpTiming.daysAfter(e.occurredAt(), rule.delayDays(), config.timeZone());
            TaskGenerationSql.Candidate candidate = new TaskGenerationSql.Candidate(e.customerId(), "purchase:" + e.purchaseId(),
                    due, null, null);
            if (due.isBefore(e.recordedAt().minus(config.maxLateness()))) {
                late.add(candidate);
                latestLateDue = latestLateDue == null || due.isAfter(latestLateDue) ? due : latestLateDue;
            } else {
                timely.add(candidate);
            }
        }
        if (!timely.isEmpty()) {
            generator.generate(rules.spec(id, rule, null), TaskGenerationSql.Candidates.of(timely), now,
                    TaskGenerator.Announce.BATCH);
        }
        if (!late.isEmpty()) {
            // Not due before a moment after the latest of them: each one of them is TOO_LATE.
            generator.generate(rules.spec(id, rule, latestLateDue.plusSeconds(1)), TaskGenerationSql.Candidates.of(late), now,
                    TaskGenerator.Announce.BATCH);
        }
    }
}
