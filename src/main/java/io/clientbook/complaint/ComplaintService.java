package io.clientbook.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.Timestamps;
import io.clientbook.event.ComplaintOpened;
import io.clientbook.event.ComplaintUpdated;
import io.clientbook.event.CustomerErased;
import io.clientbook.event.DomainEvent;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.ProblemMappers;
import io.clientbook.common.error.Violations;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.MergePatch;
import io.clientbook.customer.CustomerErasure;
import io.clientbook.customer.CustomerRepository;
import io.clientbook.customer.CustomerService;

/** Complaints: record, read, list, and move through their life cycle by merge patch. */
@ApplicationScoped
@Transactional
public class ComplaintService {

    /** Fields a client sees but may not write; naming one in a patch is a 400, not silently ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "customerId", "openedAt", "resolvedAt", "closedAt", "createdAt",
            "updatedAt");
    /** The one order of complaint lists, and the name their cursors carry. */
    private static final String SORT = "-createdAt";
    /** A client clock a little ahead of ours must not fail a write. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    ComplaintRepository complaints;
    @Inject
    CustomerRepository customerFiles;
    @Inject
    CustomerService customers;
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;
    @Inject
    Event<DomainEvent> events;

    /**
     * Records a complaint, OPEN. A customer id that names no customer, or an erased one, is a 422
     * naming {@code customerId}: the body is well-formed but refers to nothing we can attach it to.
     */
    public Complaint create(NewComplaint input) {
        if (input == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        Instant now = Timestamps.now();
        NewComplaint fields = input.normalized();
        List<FieldError> errors = new ArrayList<>(Violations.toFieldErrors(validator.validate(fields), null));
        if (fields.openedAt() != null && fields.openedAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("openedAt", "must not be in the future"));
        }
        Violations.throwIfAny(errors);
        if (customerFiles.findByIdOptional(fields.customerId()).filter(c -> c.erasedAt == null).isEmpty()) {
            throw new ApiProblem(422, "unknown-customer", "Unknown customer",
                    "No customer with id '" + fields.customerId() + "'",
                    List.of(new FieldError("customerId", "names no customer")));
        }
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.customerId = fields.customerId();
        c.subject = fields.subject();
        c.description = fields.description();
        c.severity = fields.severity();
        c.channel = fields.channel();
        c.status = ComplaintStatus.OPEN;
        c.openedAt = fields.openedAt() == null ? now : fields.openedAt().truncatedTo(ChronoUnit.MICROS);
        c.createdAt = now;
        c.updatedAt = now;
        complaints.persist(c);
        complaints.flush();
        events.fire(new ComplaintOpened(c));
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Complaint get(UUID id) {
        return complaints.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("complaint", id));
    }

    /** Complaints newest first (by when they were recorded), filtered, keyset-paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Complaint> list(ComplaintListQuery query, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), SORT);
        List<Complaint> rows = complaints.page(query, after == null ? null : after.instantValue(),
                after == null ? null : after.id(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SORT, last.createdAt.toString(), last.id));
    }

    /** The complaints of one customer; 404 when the customer does not exist or was erased. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Complaint> listOfCustomer(UUID customerId, ComplaintStatus status, Severity severity, PageRequest page) {
        customers.get(customerId);
        return list(new ComplaintListQuery(status, customerId, severity), page);
    }

    /**
     * Applies a JSON Merge Patch (RFC 7396) to the changeable fields, after the If-Match check, and
     * moves the complaint through {@link ComplaintWorkflow}. Reopening clears {@code resolvedAt} and
     * the satisfaction given on the old resolution (unless the patch itself names a satisfaction,
     * which the workflow then refuses).
     */
    public Complaint patch(UUID id, JsonNode patch, String ifMatch) {
        Complaint c = complaints.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("complaint", id));
        ETags.checkIfMatch(ifMatch, c.version);
        MergePatch.requireObject(patch);
        MergePatch.rejectReadOnly(patch, READ_ONLY);
        ComplaintFields before = ComplaintFields.of(c);
        ComplaintFields after = MergePatch.read(json, MergePatch.apply(json.valueToTree(before), patch), ComplaintFields.class).normalized();
        if (ComplaintWorkflow.isReopening(before.status(), after.status()) && !patch.has("satisfaction")) {
            after = after.withSatisfaction(null);
        }
        Violations.throwIfAny(Violations.toFieldErrors(validator.validate(after), null));
        ComplaintWorkflow.check(before, after);
        if (after.equals(before)) {
            return c;
        }
        Instant now = Timestamps.now();
        if (after.status() != before.status()) {
            switch (after.status()) {
                case RESOLVED -> c.resolvedAt = now;
                case CLOSED -> c.closedAt = now;
                case IN_PROGRESS -> c.resolvedAt = null;
                case OPEN -> throw new IllegalStateException("No move leads back to OPEN");
            }
        }
        c.subject = after.subject();
        c.description = after.description();
        c.severity = after.severity();
        c.channel = after.channel();
        c.status = after.status();
        c.resolution = after.resolution();
        c.satisfaction = after.satisfaction() == null ? null : after.satisfaction().shortValue();
        c.updatedAt = now;
        complaints.flush();
        events.fire(new ComplaintUpdated(c, before, after));
        return c;
    }

    /** Erasure: the complaints stay (counts, severities, dates), their free text does not. */
    void onCustomerErased(@Observes CustomerErased erased) {
        complaints.eraseTextsOf(erased.customerId(), CustomerErasure.MARKER, erased.erasedAt());
    }
}
