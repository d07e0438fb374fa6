package io.clientbook.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The transactional outbox: appends feed events in the caller's transaction, so an event exists
 * exactly when the change that caused it committed. There is deliberately no way to append outside a
 * transaction ({@code MANDATORY}). Event data must never hold personal data (names, contacts, birth
 * date, free text): the feed is read by analysts and integrations, and must not re-identify an
 * erased customer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventOutbox {

    static final String APPENDED_METRIC = "clientbook.events.appended";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    MeterRegistry metrics;

    /** Appends one event; {@code data} is serialised to a JSON object. Returns the event id. */
    public UUID append(String type, UUID subjectCustomerId, Map<String, ?> data) {
        checkType(type);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO event_outbox (id, type, subject, occurred_at, data)
                VALUES (?1, ?2, CAST(?3 AS uuid), ?4, CAST(?5 AS jsonb))""")
                .setParameter(1, id).setParameter(2, type)
                .setParameter(3, subjectCustomerId == null ? null : subjectCustomerId.toString())
                .setParameter(4, Timestamps.now()).setParameter(5, toJson(data))
                .executeUpdate();
        countOnCommit(type, 1);
        return id;
    }

    /** One event of a set appended together: the customer it is about and its data. */
    public record Outgoing(UUID subject, Map<String, ?> data) {
    }

    /**
     * Appends many events of one type with one statement, in list order: the set-based path for a
     * change that makes many events at once (one per purchase of a batch).
     *
     * @return the ids of the events, in list order
     */
    public List<UUID> appendEach(String type, List<Outgoing> events) {
        checkType(type);
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (Outgoing e : events) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("subject", e.subject());
            row.put("data", e.data() == null ? Map.of() : e.data());
            rows.add(row);
        }
        // One JSON array parameter unnested in order: one statement whatever the size, no parameter limit.
        em.createNativeQuery("""
                INSERT INTO event_outbox (id, type, subject, occurred_at, data)
                SELECT CAST(x.e ->> 'id' AS uuid), ?2, CAST(x.e ->> 'subject' AS uuid), ?3, x.e -> 'data'
                FROM jsonb_array_elements(CAST(?1 AS jsonb)) WITH ORDINALITY AS x(e, ord)
                ORDER BY x.ord""")
                .setParameter(1, toJson(rows)).setParameter(2, type).setParameter(3, Timestamps.now())
                .executeUpdate();
        countOnCommit(type, events.size());
        return List.copyOf(ids);
    }

    /**
     * Appends one event of {@code type} per row of {@code sourceSelect}, in one INSERT … SELECT: the
     * set-based path for many events of one change (a batch of purchases, a tier run's changes).
     * <p>
     * The select must return the columns {@code subject} (uuid, the customer) and {@code data} (a
     * jsonb object), in the order the events are to have in the feed; {@code parameters} binds its
     * named parameters ({@code :name}; write casts as {@code CAST(x AS t)}, not {@code ::}). The tier
     * job, for instance:
     * <pre>{@code
     * outbox.appendAll("tier.changed", """
     *         SELECT customer_id AS subject,
     *                jsonb_build_object('runId', run_id, 'from', old_tier, 'to', new_tier) AS data
     *         FROM tier_change WHERE run_id = :runId ORDER BY customer_id""", Map.of("runId", runId));
     * }</pre>
     *
     * @return how many events were appended
     */
    public int appendAll(String type, String sourceSelect, Map<String, ?> parameters) {
        checkType(type);
        // Ids derive from a random per-call value and the row number: unique without gen_random_uuid()
        // (PostgreSQL 13+), opaque to readers like every other id.
        Query insert = em.createNativeQuery("""
                INSERT INTO event_outbox (id, type, subject, occurred_at, data)
                SELECT CAST(md5(:outboxBatch || ':' || s.ord) AS uuid), :outboxType, s.subject, :outboxAt, s.data
                FROM (SELECT src.subject, src.data, row_number() OVER () AS ord FROM (%s) src) s
                ORDER BY s.ord""".formatted(sourceSelect))
                .setParameter("outboxBatch", UUID.randomUUID().toString())
                .setParameter("outboxType", type)
                .setParameter("outboxAt", Timestamps.now());
        parameters.forEach(insert::setParameter);
        int appended = insert.executeUpdate();
        countOnCommit(type, appended);
        return appended;
    }

    private static void checkType(String type) {
        if (!FeedEventTypes.isKnown(type)) {
            // A programming error, not a client's: every type is declared in FeedEventTypes.
            throw new IllegalArgumentException("unknown feed event type " + type);
        }
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data == null ? Map.of() : data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }

    /** Counts only events that became visible: a rolled-back change appended nothing. */
    private void countOnCommit(String type, int count) {
        if (count == 0) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metrics.counter(APPENDED_METRIC, "type", type).increment(count);
                }
            }
        });
    }
}
