package io.clientbook.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.clientbook.audit.AuditTarget;
import io.clientbook.audit.AuditTrail;
import io.clientbook.common.StorableText;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.Violations;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.MergePatch;
import io.clientbook.common.web.QueryParams;
import io.clientbook.event.CustomerCreated;
import io.clientbook.event.CustomerUpdated;
import io.clientbook.event.DomainEvent;
import io.vertx.core.buffer.Buffer;

/** The customer file: create, read, list, merge-patch and upsert by external ref. */
@ApplicationScoped
@Transactional
public class CustomerService {

    /** Fields a client sees but may not write; naming one in a write is a 400, not silently ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "tier", "tierChangedAt", "rfm", "stats", "createdAt", "updatedAt");

    @Inject
    CustomerRepository customers;
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;
    @Inject
    StoredConsent storedConsent;
    @Inject
    Event<DomainEvent> events;
    @Inject
    AuditTrail audit;

    /** The outcome of an upsert: the customer and whether it was created. */
    public record Upserted(Customer customer, boolean created) {
    }

    public Customer create(CustomerFields input) {
        Instant now = Timestamps.now();
        CustomerFields fields = validate(input, now);
        if (fields.externalRef() != null) {
            customers.lockExternalRef(fields.externalRef());
            ensureExternalRefFree(fields.externalRef(), null);
        }
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.createdAt = now;
        apply(fields, c, now);
        customers.persist(c);
        customers.flush();
        events.fire(new CustomerCreated(c));
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id) {
        Customer c = customers.findById(id);
        if (c == null || c.erasedAt != null) {
            throw ApiProblem.notFound("customer", id);
        }
        return c;
    }

    /** A client reads the file: like {@link #get}, and recorded in the audit trail. */
    public Customer read(UUID id) {
        return audited(get(id));
    }

    /** A client reads the file by external ref: like {@link #getByExternalRef}, and recorded in the audit trail. */
    public Customer readByExternalRef(String externalRef) {
        return audited(getByExternalRef(externalRef));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer getByExternalRef(String externalRef) {
        if (StorableText.problem(externalRef) != null) {
            // No stored ref holds a NUL or half a character, so none is found; asking the database would fail.
            throw ApiProblem.notFound("No customer with this externalRef");
        }
        return customers.findByExternalRef(externalRef).filter(c -> c.erasedAt == null)
                .orElseThrow(() -> ApiProblem.notFound("No customer with externalRef '" + externalRef + "'"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Buffer list(CustomerListQuery query, PageRequest page, boolean masked) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), query.order().key());
        return customers.list(query, after, page.limit(), masked);
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the writable fields, after the If-Match check. */
    public Customer patch(UUID id, JsonNode patch, String ifMatch) {
        Customer c = customers.findForUpdate(id).filter(found -> found.erasedAt == null)
                .orElseThrow(() -> ApiProblem.notFound("customer", id));
        ETags.checkIfMatch(ifMatch, c.version);
        mergeInto(c, patch);
        return c;
    }

    /**
     * Creates the customer with this external ref from the body, or merges the body into the
     * existing one (fields present are set, {@code null} clears, absent fields are kept).
     */
    public Upserted upsertByExternalRef(String externalRef, JsonNode body, String ifMatch) {
        QueryParams.requireStorable(externalRef, "externalRef");
        MergePatch.requireObject(body);
        JsonNode ref = body.get("externalRef");
        if (ref != null && !ref.isNull() && !externalRef.equals(ref.asText())) {
            throw ApiProblem.validation("externalRef", "must equal the externalRef of the path, or be left out");
        }
        ObjectNode withRef = ((ObjectNode) body).deepCopy();
        withRef.put("externalRef", externalRef);
        customers.lockExternalRef(externalRef);
        // The advisory lock above serialises upserts of this ref; the row lock also orders them with PATCHes.
        Customer existing = customers.findByExternalRef(externalRef).flatMap(found -> customers.findForUpdate(found.id))
                .orElse(null);
        // An erased customer has no external ref any more, so its old ref names nobody: it creates a new file.
        if (existing == null) {
            MergePatch.rejectReadOnly(withRef, READ_ONLY);
            return new Upserted(create(MergePatch.read(json, withRef, CustomerFields.class)), true);
        }
        ETags.checkIfMatch(ifMatch, existing.version);
        mergeInto(existing, withRef);
        return new Upserted(existing, false);
    }

    /** The writable fields of a customer as they are now: the target of merge patches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerFields fieldsOf(Customer c) {
        return new CustomerFields(c.externalRef, c.firstName, c.lastName, c.email, c.phone, c.gender, c.birthDate,
                c.country, c.region, c.city, c.occupation, c.preferredChannel, storedConsent.of(c), c.owner,
                c.needOrientation, c.buyingStage, c.expectedPurchaseDate, c.notBuyingReason, Arrays.asList(c.tags),
                c.notes);
    }

    private Customer audited(Customer c) {
        audit.recordRead(AuditTarget.customer(c.id, List.of()));
        return c;
    }

    private void mergeInto(Customer c, JsonNode patch) {
        MergePatch.requireObject(patch);
        MergePatch.rejectReadOnly(patch, READ_ONLY);
        Instant now = Timestamps.now();
        JsonNode current = json.valueToTree(fieldsOf(c));
        CustomerFields merged = validate(MergePatch.read(json, MergePatch.apply(current, stampConsent(patch, now)), CustomerFields.class), now);
        if (merged.externalRef() != null && !merged.externalRef().equals(c.externalRef)) {
            customers.lockExternalRef(merged.externalRef());
            ensureExternalRefFree(merged.externalRef(), c.id);
        }
        CustomerFields before = fieldsOf(c);
        apply(merged, c, now);
        customers.flush();
        CustomerFields after = fieldsOf(c);
        if (!after.equals(before)) {
            events.fire(new CustomerUpdated(c, before, after));
        }
    }

    private CustomerFields validate(CustomerFields input, Instant now) {
        if (input == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        CustomerFields fields = input.normalized(now);
        List<FieldError> errors = new ArrayList<>(Violations.toFieldErrors(validator.validate(fields), null));
        errors.addAll(fields.crossFieldErrors(now));
        Violations.throwIfAny(errors);
        return fields;
    }

    private void apply(CustomerFields f, Customer c, Instant now) {
        c.externalRef = f.externalRef();
        c.firstName = f.firstName();
        c.lastName = f.lastName();
        c.email = f.email();
        c.phone = f.phone();
        c.gender = f.gender();
        c.birthDate = f.birthDate();
        c.country = f.country();
        c.region = f.region();
        c.city = f.city();
        c.occupation = f.occupation();
        c.preferredChannel = f.preferredChannel();
        c.consent = storedConsent.write(f.consent());
        c.owner = f.owner();
        c.needOrientation = f.needOrientation();
        c.buyingStage = f.buyingStage();
        c.expectedPurchaseDate = f.expectedPurchaseDate();
        c.notBuyingReason = f.notBuyingReason();
        c.tags = f.tags() == null ? new String[0] : f.tags().toArray(String[]::new);
        c.notes = f.notes();
        c.updatedAt = now;
    }

    /** A consent entry written without {@code at} was given now, not when the previous entry was. */
    private static JsonNode stampConsent(JsonNode patch, Instant now) {
        JsonNode consent = patch.get("consent");
        if (consent == null || !consent.isObject()) {
            return patch;
        }
        ObjectNode copy = ((ObjectNode) patch).deepCopy();
        ObjectNode stamped = (ObjectNode) copy.get("consent");
        stamped.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && !e.getValue().has("at")) {
                ((ObjectNode) e.getValue()).put("at", now.toString());
            }
        });
        return copy;
    }

    private void ensureExternalRefFree(String externalRef, UUID self) {
        customers.findByExternalRef(externalRef).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ApiProblem.conflict("externalRef '" + externalRef + "' is already used by customer " + other.id)
                    .with("existingId", other.id.toString());
        });
    }
}
