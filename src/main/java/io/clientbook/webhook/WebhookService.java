package io.clientbook.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.clientbook.audit.AuditedTypes;
import io.clientbook.audit.AuditTrail;
import io.clientbook.audit.AuditTarget;
import io.clientbook.audit.AuditAction;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.feed.EventFeed;
import io.clientbook.feed.FeedPosition;

/** Creates, lists and deletes webhooks, and shows their deliveries. */
@ApplicationScoped
@Transactional
public class WebhookService {

    private static final String SORT = "createdAt";

    @Inject
    AuditTrail audit;
    @Inject
    WebhookRepository webhooks;
    @Inject
    DeliveryQueue deliveries;
    @Inject
    EventFeed feed;

    /** A new webhook and its secret, which is returned this once. */
    public record Created(Webhook webhook, String secret) {
    }

    /** Stores the webhook; it receives events from the feed's current end on, not the history before. */
    public Created create(NewWebhook body, String createdBy) {
        if (body == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        List<FieldError> errors = body.errors();
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        FeedPosition start = feed.end();
        Webhook w = new Webhook();
        w.id = UUID.randomUUID();
        w.url = body.url().trim();
        w.eventTypes = body.types().toArray(String[]::new);
        w.description = body.description() == null || body.description().isBlank() ? null : body.description().trim();
        w.secret = WebhookSignature.newSecret();
        w.afterTxId = start.txId();
        w.afterSeq = start.seq();
        w.createdAt = Timestamps.now();
        w.createdBy = createdBy;
        webhooks.persist(w);
        audit.record(AuditAction.CREATE, AuditTarget.of(AuditedTypes.WEBHOOK, w.id, null,
                w.description == null ? List.of("url", "types") : List.of("url", "types", "description")));
        return new Created(w, w.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Webhook get(UUID id) {
        return webhooks.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("webhook", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Webhook> list(PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), SORT);
        List<Webhook> rows = webhooks.pageAfter(after == null ? null : after.instantValue(),
                after == null ? null : after.id(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SORT, last.createdAt.toString(), last.id));
    }

    /** Deletes the webhook and its delivery history; nothing more is sent to it. */
    public void delete(UUID id, String ifMatch) {
        Webhook w = get(id);
        ETags.checkIfMatch(ifMatch, w.version);
        webhooks.delete(w);
        audit.record(AuditAction.DELETE, AuditTarget.of(AuditedTypes.WEBHOOK, id, null, List.of()));
    }

    /** A webhook's deliveries, newest event first; {@code state} null: all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> deliveries(UUID id, WebhookDelivery.State state, PageRequest page) {
        get(id);
        FeedPosition before = page.cursor() == null ? null : FeedPosition.decode(page.cursor(), "cursor");
        List<WebhookDelivery> rows = deliveries.page(id, state, before, page.fetchSize());
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, page.limit())), rows.get(page.limit() - 1).position().encode());
    }
}
