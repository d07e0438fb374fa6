package io.clientbook.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.clientbook.complaint.Complaint;
import io.clientbook.event.ComplaintOpened;
import io.clientbook.event.ComplaintUpdated;
import io.clientbook.event.CustomerCreated;
import io.clientbook.event.CustomerErased;
import io.clientbook.event.CustomerUpdated;
import io.clientbook.event.InteractionLogged;
import io.clientbook.event.PurchaseVoided;
import io.clientbook.event.PurchasesRecorded;
import io.clientbook.event.TaskCompleted;
import io.clientbook.event.TaskCreated;
import io.clientbook.event.TasksCreated;
import io.clientbook.purchase.Purchase;
import io.clientbook.task.Task;
import io.clientbook.tier.TierRunCompleted;

/**
 * Turns the domain events into feed events, synchronously inside the change's transaction (the
 * outbox). Data carries ids, codes, amounts and the names of changed fields, never personal data:
 * no names, e-mail, phone, birth date, notes or other free text (complaint subjects, resolutions,
 * void reasons, contact-log summaries). So the feed needs no masking for analysts and cannot
 * re-identify an erased customer (task titles and outcomes stay out for the same reason). A new
 * capability adds one observer here.
 */
@ApplicationScoped
public class FeedPublisher {

    @Inject
    EventOutbox outbox;

    void on(@Observes CustomerCreated e) {
        outbox.append(FeedEventTypes.CUSTOMER_CREATED, e.customerId(), Map.of());
    }

    void on(@Observes CustomerUpdated e) {
        outbox.append(FeedEventTypes.CUSTOMER_UPDATED, e.customerId(), Map.of("changedFields", List.copyOf(e.changedFields())));
    }

    void on(@Observes CustomerErased e) {
        outbox.append(FeedEventTypes.CUSTOMER_ERASED, e.customerId(), Map.of("erasedAt", e.erasedAt()));
    }

    /** One event per purchase, appended with one statement however large the batch. */
    void on(@Observes PurchasesRecorded e) {
        outbox.appendEach(FeedEventTypes.PURCHASE_RECORDED,
                e.purchases().stream().map(p -> new EventOutbox.Outgoing(p.customerId, purchase(p))).toList());
    }

    void on(@Observes PurchaseVoided e) {
        Map<String, Object> data = purchase(e.purchase());
        data.put("voidedAt", e.purchase().voidedAt);
        outbox.append(FeedEventTypes.PURCHASE_VOIDED, e.customerId(), data);
    }

    void on(@Observes ComplaintOpened e) {
        Complaint c = e.complaint();
        Map<String, Object> data = complaint(c);
        data.put("openedAt", c.openedAt);
        outbox.append(FeedEventTypes.COMPLAINT_OPENED, e.customerId(), data);
    }

    /** Every change is complaint.updated; a move into RESOLVED is also complaint.resolved. */
    void on(@Observes ComplaintUpdated e) {
        Complaint c = e.complaint();
        Map<String, Object> updated = complaint(c);
        updated.put("changedFields", List.copyOf(e.changedFields()));
        outbox.append(FeedEventTypes.COMPLAINT_UPDATED, e.customerId(), updated);
        if (e.resolved()) {
            Map<String, Object> resolved = complaint(c);
            resolved.put("resolvedAt", c.resolvedAt);
            outbox.append(FeedEventTypes.COMPLAINT_RESOLVED, e.customerId(), resolved);
        }
    }

    void on(@Observes InteractionLogged e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interactionId", e.interaction().id);
        data.put("channel", e.interaction().channel);
        data.put("direction", e.interaction().direction);
        data.put("occurredAt", e.interaction().occurredAt);
        outbox.append(FeedEventTypes.INTERACTION_LOGGED, e.customerId(), data);
    }

    void on(@Observes TaskCreated e) {
        outbox.append(FeedEventTypes.TASK_CREATED, e.customerId(), task(e.task()));
    }

    /** Tasks made set-based (the daily job, a campaign): their events too come from one INSERT … SELECT. */
    void on(@Observes TasksCreated e) {
        outbox.appendAll(FeedEventTypes.TASK_CREATED, """
                SELECT t.customer_id AS subject,
                       jsonb_build_object('taskId', t.id, 'type', t.type, 'source', t.source, 'channel', t.channel,
                                          'priority', t.priority, 'dueAt', to_char(t.due_at AT TIME ZONE 'UTC',
                                          CASE WHEN date_trunc('second', t.due_at) = t.due_at
                                               THEN 'YYYY-MM-DD"T"HH24:MI:SS"Z"'
                                               ELSE 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' END)) AS data
                FROM task t WHERE t.generation_id = :generationId ORDER BY t.due_at, t.id""",
                Map.of("generationId", e.generationId()));
    }

    void on(@Observes TaskCompleted e) {
        Map<String, Object> data = task(e.task());
        data.put("completedAt", e.task().completedAt);
        data.put("interactionId", e.task().interactionId);
        outbox.append(FeedEventTypes.TASK_COMPLETED, e.customerId(), data);
    }

    /** One tier.changed per customer whose tier or RFM segment the run changed, from its tier_change rows. */
    void on(@Observes TierRunCompleted e) {
        outbox.appendAll(FeedEventTypes.TIER_CHANGED, """
                SELECT tc.customer_id AS subject,
                       jsonb_build_object('runId', tc.run_id, 'fromTier', tc.from_tier, 'toTier', tc.to_tier,
                                          'fromSegment', tc.from_segment, 'toSegment', tc.to_segment) AS data
                FROM tier_change tc WHERE tc.run_id = :runId ORDER BY tc.id""", Map.of("runId", e.runId()));
    }

    private static Map<String, Object> task(Task t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", t.id);
        data.put("type", t.type);
        data.put("source", t.source);
        data.put("channel", t.channel);
        data.put("priority", t.priority);
        data.put("dueAt", t.dueAt);
        return data;
    }

    private static Map<String, Object> purchase(Purchase p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purchaseId", p.id);
        data.put("externalId", p.externalId);
        data.put("occurredAt", p.occurredAt);
        data.put("amount", p.amount);
        data.put("currency", p.currency);
        data.put("product", p.product);
        data.put("channel", p.channel);
        return data;
    }

    private static Map<String, Object> complaint(Complaint c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("complaintId", c.id);
        data.put("status", c.status);
        data.put("severity", c.severity);
        data.put("channel", c.channel);
        return data;
    }
}
