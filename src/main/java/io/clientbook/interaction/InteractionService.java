package io.clientbook.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.Violations;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.CustomerErasure;
import io.clientbook.customer.CustomerService;
import io.clientbook.event.CustomerErased;
import io.clientbook.event.DomainEvent;
import io.clientbook.event.InteractionLogged;

/**
 * The contact log: every call, message, visit or survey with a customer, and its outcome. Entries
 * are appended, never edited. Other capabilities append through {@link #record} in their own
 * transaction (completing a task writes the contact it was), so the entry commits or rolls back with
 * their change.
 */
@ApplicationScoped
@Transactional
public class InteractionService {

    /** The one order of the log, and the name its cursors carry. */
    private static final String SORT = "-occurredAt";
    /** A client clock a little ahead of ours must not fail a write. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_RECORDED_BY = 100;

    @Inject
    InteractionRepository interactions;
    @Inject
    CustomerService customers;
    @Inject
    Validator validator;
    @Inject
    Event<DomainEvent> events;

    /** Appends what a client posted; {@code recordedBy} is the calling key's name. */
    public Interaction create(UUID customerId, NewInteraction body, String recordedBy) {
        if (body == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        return record(customerId, body.channel(), body.direction(), body.occurredAt(), body.summary(), body.outcome(),
                recordedBy);
    }

    /**
     * Appends an entry to a customer's contact log, joining the caller's transaction if there is one
     * (and starting one otherwise). The arguments are checked like a posted body: a 400 names the
     * wrong one, a 404 an unknown or erased customer.
     *
     * @param occurredAt when the contact happened; null for now
     * @param outcome    what came of it; may be null
     * @param recordedBy who wrote the entry (an API key's name, or a job's), at most 100 characters
     */
    public Interaction record(UUID customerId, ContactChannel channel, Direction direction, Instant occurredAt,
            String summary, String outcome, String recordedBy) {
        if (recordedBy != null && recordedBy.length() > MAX_RECORDED_BY) {
            throw new IllegalArgumentException("recordedBy is longer than " + MAX_RECORDED_BY + " characters");
        }
        Instant now = Timestamps.now();
        NewInteraction fields = new NewInteraction(channel, direction, occurredAt, summary, outcome).normalized();
        List<FieldError> errors = new ArrayList<>(Violations.toFieldErrors(validator.validate(fields), null));
        if (fields.occurredAt() != null && fields.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("occurredAt", "must not be more than 5 minutes in the future"));
        }
        Violations.throwIfAny(errors);
        customers.get(customerId);
        Interaction i = new Interaction();
        i.id = UUID.randomUUID();
        i.customerId = customerId;
        i.channel = fields.channel();
        i.direction = fields.direction();
        i.occurredAt = fields.occurredAt() == null ? now : fields.occurredAt().truncatedTo(ChronoUnit.MICROS);
        i.summary = fields.summary();
        i.outcome = fields.outcome();
        i.recordedBy = recordedBy;
        i.createdAt = now;
        interactions.persist(i);
        interactions.flush();
        events.fire(new InteractionLogged(i));
        return i;
    }

    /** One entry of the log; 404 when the customer is unknown or erased, or the entry is not theirs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Interaction get(UUID customerId, UUID id) {
        customers.get(customerId);
        return interactions.findOfCustomer(customerId, id)
                .orElseThrow(() -> ApiProblem.notFound("interaction", id));
    }

    /** A customer's contact log, newest first (by occurredAt), optionally of one channel or direction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Interaction> list(UUID customerId, ContactChannel channel, Direction direction, PageRequest page) {
        customers.get(customerId);
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), SORT);
        List<Interaction> rows = interactions.page(customerId, channel, direction,
                after == null ? null : after.instantValue(), after == null ? null : after.id(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SORT, last.occurredAt.toString(), last.id));
    }

    /** Erasure: the entries stay (when, which channel, which way), what was said does not. */
    void onCustomerErased(@Observes CustomerErased erased) {
        interactions.eraseTextsOf(erased.customerId(), CustomerErasure.MARKER);
    }
}
