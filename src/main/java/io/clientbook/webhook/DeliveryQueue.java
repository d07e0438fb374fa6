package io.clientbook.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.feed.EventFeed;
import io.clientbook.feed.FeedPosition;

/**
 * The delivery table's SQL, in one place: turning feed events into deliveries, claiming due
 * deliveries, recording outcomes, listing them. Claims are {@code FOR UPDATE SKIP LOCKED} plus a
 * claim token and lease, so replicas running the worker side by side never send the same attempt
 * twice at once, and a worker that dies mid-attempt only delays the delivery until its lease lapses.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryQueue {

    /** Feed events turned into deliveries per webhook and worker run. */
    static final int FAN_OUT_BATCH = 1000;

    @Inject
    EntityManager em;
    @Inject
    EventFeed feed;
    @Inject
    ObjectMapper json;

    /** A claimed attempt: everything needed to send it without touching the database again. */
    public record Claimed(UUID deliveryId, UUID claimToken, int attempt, String url, String secret, UUID eventId,
            String eventType, UUID subject, Instant occurredAt, String data) {
    }

    /**
     * Turns new feed events into PENDING deliveries for every webhook subscribed to their type, and
     * moves each webhook's feed position. Webhooks another replica is fanning out are skipped.
     *
     * @return deliveries created
     */
    public int fanOut() {
        @SuppressWarnings("unchecked")
        List<UUID> hooks = em.createNativeQuery("SELECT id FROM webhook ORDER BY id FOR UPDATE SKIP LOCKED", UUID.class)
                .getResultList();
        if (hooks.isEmpty()) {
            return 0;
        }
        // One horizon for the whole run: events below it are final, so a webhook that took every
        // matching event below it can move its position to just before it.
        FeedPosition end = feed.end();
        long horizon = end.txId() + 1;
        int created = 0;
        for (UUID hook : hooks) {
            Object[] r = (Object[]) em.createNativeQuery("""
                    WITH picked AS (
                        SELECT e.id, e.tx_id, e.seq FROM event_outbox e JOIN webhook w ON w.id = :hook
                        WHERE (e.tx_id, e.seq) > (w.after_tx_id, w.after_seq) AND e.tx_id < :horizon
                          AND e.type = ANY (w.event_types)
                        ORDER BY e.tx_id, e.seq LIMIT :batch),
                    inserted AS (
                        INSERT INTO webhook_delivery (id, webhook_id, event_id, event_tx_id, event_seq, state, attempts,
                                                      next_attempt_at, created_at)
                        SELECT CAST(md5(CAST(:hook AS text) || CAST(p.id AS text)) AS uuid), :hook, p.id, p.tx_id, p.seq,
                               'PENDING', 0, now(), now()
                        FROM picked p
                        ON CONFLICT (webhook_id, event_id) DO NOTHING
                        RETURNING 1)
                    SELECT (SELECT count(*) FROM picked), (SELECT count(*) FROM inserted),
                           (SELECT tx_id FROM picked ORDER BY tx_id DESC, seq DESC LIMIT 1),
                           (SELECT seq FROM picked ORDER BY tx_id DESC, seq DESC LIMIT 1)""", Object[].class)
                    .setParameter("hook", hook).setParameter("horizon", horizon).setParameter("batch", FAN_OUT_BATCH)
                    .getSingleResult();
            long picked = ((Number) r[0]).longValue();
            created += ((Number) r[1]).intValue();
            // A full batch may have more behind it: continue after its last event; otherwise every
            // matching event below the horizon is taken and the position jumps to it.
            String move = picked == FAN_OUT_BATCH
                    ? "UPDATE webhook SET after_tx_id = :tx, after_seq = :seq WHERE id = :hook"
                    : "UPDATE webhook SET after_tx_id = :tx, after_seq = :seq WHERE id = :hook AND (after_tx_id, after_seq) < (:tx, :seq)";
            long tx = picked == FAN_OUT_BATCH ? ((Number) r[2]).longValue() : end.txId();
            long seq = picked == FAN_OUT_BATCH ? ((Number) r[3]).longValue() : end.seq();
            em.createNativeQuery(move).setParameter("tx", tx).setParameter("seq", seq).setParameter("hook", hook)
                    .executeUpdate();
        }
        return created;
    }

    /**
     * Claims up to {@code limit} due deliveries: counts the attempt, stamps a fresh claim token and
     * pushes the due time out by {@code lease}, so no other worker takes them while this one sends.
     */
    public List<Claimed> claim(int limit, int maxAttempts, Duration lease) {
        UUID token = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT id FROM webhook_delivery
                    WHERE state = 'PENDING' AND next_attempt_at <= now() AND attempts < :max
                    ORDER BY next_attempt_at LIMIT :limit
                    FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_delivery d
                    SET attempts = d.attempts + 1, claim_token = :token,
                        next_attempt_at = now() + make_interval(secs => :lease)
                    FROM due WHERE d.id = due.id
                    RETURNING d.id, d.webhook_id, d.event_id, d.attempts)
                SELECT c.id, c.attempts, w.url, w.secret, e.id, e.type, e.subject, e.occurred_at, CAST(e.data AS text)
                FROM claimed c JOIN webhook w ON w.id = c.webhook_id JOIN event_outbox e ON e.id = c.event_id""",
                Object[].class)
                .setParameter("max", maxAttempts).setParameter("limit", limit).setParameter("token", token)
                .setParameter("lease", lease.toMillis() / 1000.0)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            claimed.add(new Claimed((UUID) r[0], token, ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (UUID) r[4], (String) r[5], (UUID) r[6], EventFeed.instant(r[7]), (String) r[8]));
        }
        return claimed;
    }

    /**
     * Records an attempt's outcome, if the attempt still holds its claim (a worker whose lease lapsed
     * and was overtaken records nothing). {@code retryIn} is null unless the verdict is to retry.
     */
    public boolean record(Claimed claimed, WebhookDelivery.State state, WebhookDelivery.Attempt attempt, Duration retryIn) {
        String entry;
        try {
            entry = json.writeValueAsString(List.of(attempt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Nullable values travel as sentinels (NULLIF): a typed null cannot be bound portably here.
        return em.createNativeQuery("""
                UPDATE webhook_delivery
                SET state = :state, claim_token = NULL,
                    next_attempt_at = CASE WHEN :state = 'PENDING' THEN now() + make_interval(secs => :retryIn) END,
                    last_attempt_at = :at, last_status_code = CAST(NULLIF(:code, -1) AS smallint),
                    last_error = NULLIF(:error, ''), history = history || CAST(:entry AS jsonb)
                WHERE id = :id AND claim_token = :token""")
                .setParameter("state", state.name())
                .setParameter("retryIn", retryIn == null ? 0.0 : retryIn.toMillis() / 1000.0)
                .setParameter("at", attempt.at())
                .setParameter("code", attempt.statusCode() == null ? -1 : attempt.statusCode())
                .setParameter("error", attempt.error() == null ? "" : attempt.error())
                .setParameter("entry", entry)
                .setParameter("id", claimed.deliveryId()).setParameter("token", claimed.claimToken())
                .executeUpdate() == 1;
    }

    /** Gives up deliveries whose last attempt was claimed but never recorded (the worker died) and that have no attempts left. */
    public int failExhausted(int maxAttempts) {
        return em.createNativeQuery("""
                UPDATE webhook_delivery SET state = 'FAILED', claim_token = NULL, next_attempt_at = NULL,
                    last_error = coalesce(last_error, 'no outcome recorded for the last attempt')
                WHERE state = 'PENDING' AND attempts >= :max AND next_attempt_at <= now()""")
                .setParameter("max", maxAttempts).executeUpdate();
    }

    /** A webhook's deliveries, newest event first, after the keyset position {@code before} (null: from the newest). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> page(UUID webhookId, WebhookDelivery.State state, FeedPosition before, int size) {
        StringBuilder sql = new StringBuilder("""
                SELECT d.id, d.webhook_id, d.event_id, e.type, d.state, d.attempts, d.last_attempt_at, d.last_status_code,
                       d.last_error, CASE WHEN d.state = 'PENDING' THEN d.next_attempt_at END, d.created_at,
                       CAST(d.history AS text), d.event_tx_id, d.event_seq
                FROM webhook_delivery d JOIN event_outbox e ON e.id = d.event_id
                WHERE d.webhook_id = :hook""");
        if (state != null) {
            sql.append(" AND d.state = :state");
        }
        if (before != null) {
            sql.append(" AND (d.event_tx_id, d.event_seq) < (:tx, :seq)");
        }
        sql.append(" ORDER BY d.event_tx_id DESC, d.event_seq DESC LIMIT :size");
        Query query = em.createNativeQuery(sql.toString(), Object[].class).setParameter("hook", webhookId)
                .setParameter("size", size);
        if (state != null) {
            query.setParameter("state", state.name());
        }
        if (before != null) {
            query.setParameter("tx", before.txId()).setParameter("seq", before.seq());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<WebhookDelivery> deliveries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            deliveries.add(new WebhookDelivery((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                    WebhookDelivery.State.valueOf((String) r[4]), ((Number) r[5]).intValue(),
                    r[6] == null ? null : EventFeed.instant(r[6]), r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8],
                    r[9] == null ? null : EventFeed.instant(r[9]), EventFeed.instant(r[10]), history((String) r[11]),
                    new FeedPosition(((Number) r[12]).longValue(), ((Number) r[13]).longValue())));
        }
        return deliveries;
    }

    private List<WebhookDelivery.Attempt> history(String text) {
        try {
            return json.readValue(text, new TypeReference<List<WebhookDelivery.Attempt>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable delivery history", e);
        }
    }
}
