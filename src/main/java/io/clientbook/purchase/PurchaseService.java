package io.clientbook.purchase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.common.ClientbookConfig;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.Violations;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.customer.CustomerErasure;
import io.clientbook.event.CustomerErased;
import io.clientbook.event.DomainEvent;
import io.clientbook.event.PurchaseVoided;
import io.clientbook.event.PurchasesRecorded;

/**
 * Records purchases (one, or a batch where each item succeeds or fails on its own), voids them, and
 * keeps each customer's purchase stats exact in the same transaction. A purchase is idempotent by
 * its {@code externalId}: re-sending the same content finds the stored purchase, other content is a
 * conflict. Single purchases take the same path as a batch of one.
 */
@ApplicationScoped
@Transactional
public class PurchaseService {

    /** The most purchases one batch may carry. */
    public static final int MAX_BATCH_SIZE = 1000;
    private static final String LIST_SORT = "-occurredAt";

    @Inject
    PurchaseRepository purchases;
    @Inject
    Validator validator;
    @Inject
    ClientbookConfig config;
    @Inject
    Event<DomainEvent> events;
    @Inject
    Event<PurchasesRecorded> purchaseEvents;

    /** A stored purchase with its customer's external ref (null if the customer has none). */
    public record Recorded(Purchase purchase, String customerExternalRef) {
    }

    /** One batch item as read from JSON: its fields, or the problem that kept it from being read. */
    public record BatchItem(PurchaseFields fields, ApiProblem unreadable) {

        public static BatchItem of(PurchaseFields fields) {
            return new BatchItem(fields, null);
        }

        public static BatchItem unreadable(ApiProblem problem) {
            return new BatchItem(null, problem);
        }
    }

    /** How one item ended: newly stored, already stored with the same content, or refused. */
    @Schema(name = "PurchaseBatchStatus", description = "CREATED: stored now; DUPLICATE: already stored with the same "
            + "content; ERROR: refused, see the problem")
    public enum Outcome {
        CREATED,
        DUPLICATE,
        ERROR
    }

    /** The result of one item: the stored purchase unless it is an error, the problem if it is. */
    public record ItemResult(int index, Outcome outcome, Recorded recorded, ApiProblem problem) {

        static ItemResult error(int index, ApiProblem problem) {
            return new ItemResult(index, Outcome.ERROR, null, problem);
        }
    }

    /** An item that passed validation and the currency rule; its customer is not resolved yet. */
    private record Checked(int index, String prefix, PurchaseFields fields) {
    }

    /** A valid item with its customer resolved, waiting for the database. */
    private record Candidate(int index, String prefix, PurchaseFields fields, PurchaseRepository.CustomerRef customer,
            PurchaseContent content) {
    }

    /**
     * Records one purchase: {@link Outcome#CREATED} or {@link Outcome#DUPLICATE} with the stored
     * purchase; anything else is thrown as its problem (400, 409, 422).
     */
    public ItemResult record(PurchaseFields fields) {
        ItemResult result = ingest(List.of(BatchItem.of(fields)), false).get(0);
        if (result.problem() != null) {
            throw result.problem();
        }
        return result;
    }

    /**
     * Records up to {@value #MAX_BATCH_SIZE} purchases, one result per item in order. A bad item is an
     * {@link Outcome#ERROR} result whose problem names fields as {@code purchases[i].field}; it never
     * keeps the others from being stored.
     */
    public List<ItemResult> recordBatch(List<BatchItem> items) {
        checkBatchSize(items.size());
        return ingest(items, true);
    }

    /** The batch size rule, for readers that want to refuse an oversized batch before reading its items. */
    public static void checkBatchSize(int size) {
        if (size == 0) {
            throw ApiProblem.validation("purchases", "must contain at least 1 purchase");
        }
        if (size > MAX_BATCH_SIZE) {
            throw ApiProblem.validation("purchases", "must contain at most " + MAX_BATCH_SIZE
                    + " purchases (this batch has " + size + "); split it");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Recorded get(UUID id) {
        Purchase p = purchases.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("purchase", id));
        return new Recorded(p, customerExternalRef(p.customerId));
    }

    /**
     * Voids a purchase so that it no longer counts. Voiding a void purchase answers it unchanged, even
     * with an If-Match of before the void: the change asked for has already happened (RFC 9110 13.1.1).
     */
    public Recorded voidPurchase(UUID id, String reason, String ifMatch) {
        Purchase p = purchases.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("purchase", id));
        if (p.voidedAt == null) {
            ETags.checkIfMatch(ifMatch, p.version);
            // Customer first, then the purchase: the same order as ingest, and the recompute below needs it.
            purchases.lockCustomer(p.customerId);
            purchases.getEntityManager().refresh(p, LockModeType.PESSIMISTIC_WRITE);
            if (p.voidedAt == null) {
                ETags.checkIfMatch(ifMatch, p.version);
                p.voidedAt = now();
                p.voidReason = reason;
                purchases.flush();
                purchases.recomputeStats(p.customerId);
                events.fire(new PurchaseVoided(p));
            }
        }
        return new Recorded(p, customerExternalRef(p.customerId));
    }

    /** A customer's purchases, newest {@code occurredAt} first; 404 for an unknown or erased customer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Recorded> listForCustomer(UUID customerId, boolean includeVoid, PageRequest page) {
        PurchaseRepository.CustomerRef customer = purchases.findCustomer(customerId).filter(c -> !c.erased())
                .orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            Cursor after = Cursor.decode(page.cursor(), LIST_SORT);
            try {
                afterAt = Instant.parse(after.value());
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            afterId = after.id();
        }
        List<Recorded> rows = purchases.pageOfCustomer(customerId, includeVoid, afterAt, afterId, page.fetchSize())
                .stream().map(p -> new Recorded(p, customer.externalRef())).toList();
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        Purchase last = rows.get(page.limit() - 1).purchase();
        return new Page<>(rows.subList(0, page.limit()),
                new Cursor(LIST_SORT, last.occurredAt.toString(), last.id).encode());
    }

    private List<ItemResult> ingest(List<BatchItem> items, boolean batch) {
        Instant now = now();
        ItemResult[] results = new ItemResult[items.size()];
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = batch ? "purchases[" + i + "]" : "";
            ApiProblem problem = items.get(i).unreadable();
            PurchaseFields fields = null;
            if (problem == null) {
                fields = items.get(i).fields() == null ? null : items.get(i).fields().normalized();
                problem = check(fields, prefix, now);
            }
            if (problem != null) {
                results[i] = ItemResult.error(i, problem);
            } else {
                checked.add(new Checked(i, prefix, fields));
            }
        }
        if (!checked.isEmpty()) {
            store(resolveCustomers(checked, results), results, now);
        }
        return List.of(results);
    }

    /** The item's validation problem (400) or currency problem (422); null when it may be stored. */
    private ApiProblem check(PurchaseFields fields, String prefix, Instant now) {
        if (fields == null) {
            return ApiProblem.validation(prefix.isEmpty() ? "body" : prefix, "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>(Violations.toFieldErrors(validator.validate(fields), prefix));
        fields.crossFieldErrors(now).forEach(e -> errors.add(new FieldError(PurchaseProblems.path(prefix, e.field()), e.message())));
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.field().compareTo(b.field()));
            return ApiProblem.validation(errors);
        }
        if (!config.currency().equals(fields.currency())) {
            return PurchaseProblems.currencyNotAccepted(PurchaseProblems.path(prefix, "currency"), fields.currency(),
                    config.currency());
        }
        return null;
    }

    /**
     * Locks the customers the checked items name and turns each item into a candidate, or into an
     * error when its customer is unknown or erased.
     */
    private List<Candidate> resolveCustomers(List<Checked> checked, ItemResult[] results) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> refs = new LinkedHashSet<>();
        for (Checked item : checked) {
            if (item.fields().customerId() != null) {
                ids.add(item.fields().customerId());
            } else {
                refs.add(item.fields().customerExternalRef());
            }
        }
        Map<UUID, PurchaseRepository.CustomerRef> byId = new HashMap<>();
        Map<String, PurchaseRepository.CustomerRef> byRef = new HashMap<>();
        for (PurchaseRepository.CustomerRef c : purchases.lockCustomers(ids, refs)) {
            byId.put(c.id(), c);
            if (c.externalRef() != null) {
                byRef.put(c.externalRef(), c);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Checked item : checked) {
            PurchaseFields f = item.fields();
            String field = PurchaseProblems.path(item.prefix(), f.customerField());
            PurchaseRepository.CustomerRef customer = f.customerId() != null ? byId.get(f.customerId())
                    : byRef.get(f.customerExternalRef());
            if (customer == null) {
                results[item.index()] = ItemResult.error(item.index(), PurchaseProblems.unknownCustomer(field,
                        f.customerId() != null ? f.customerId() : f.customerExternalRef()));
            } else if (customer.erased()) {
                results[item.index()] = ItemResult.error(item.index(), PurchaseProblems.customerErased(field, customer.id()));
            } else {
                candidates.add(new Candidate(item.index(), item.prefix(), f, customer, f.content(customer.id())));
            }
        }
        return candidates;
    }

    /**
     * Inserts the first candidate of each new externalId, then compares every candidate with the
     * purchase now stored under its externalId: the one inserted is CREATED, equal content a
     * DUPLICATE, other content a 409 (which also covers two different items with one externalId in a batch).
     */
    private void store(List<Candidate> candidates, ItemResult[] results, Instant now) {
        Map<String, PurchaseRepository.NewPurchase> firstByExternalId = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            firstByExternalId.computeIfAbsent(c.fields().externalId(),
                    externalId -> new PurchaseRepository.NewPurchase(UUID.randomUUID(), externalId, c.content()));
        }
        Set<UUID> inserted = purchases.insertNew(List.copyOf(firstByExternalId.values()), now);

        Map<String, Purchase> stored = new HashMap<>();
        List<String> alreadyStored = new ArrayList<>();
        for (PurchaseRepository.NewPurchase row : firstByExternalId.values()) {
            if (inserted.contains(row.id())) {
                stored.put(row.externalId(), newPurchase(row, now));
            } else {
                alreadyStored.add(row.externalId());
            }
        }
        for (Purchase p : purchases.findByExternalIds(alreadyStored)) {
            stored.put(p.externalId, p);
        }

        Set<UUID> reported = new HashSet<>();
        for (Candidate c : candidates) {
            Purchase p = stored.get(c.fields().externalId());
            if (p == null) {
                // Cannot happen: a conflicting insert means the row is committed and visible to this statement.
                throw new IllegalStateException("externalId " + c.fields().externalId() + " neither inserted nor found");
            }
            Map<String, String> differences = c.content().differencesFrom(PurchaseContent.of(p));
            if (!differences.isEmpty()) {
                if (differences.containsKey("customerId") && c.fields().customerId() == null) {
                    differences = renameCustomerField(differences);
                }
                results[c.index()] = ItemResult.error(c.index(),
                        PurchaseProblems.conflict(c.prefix(), p.externalId, p.id, differences));
            } else {
                Outcome outcome = inserted.contains(p.id) && reported.add(p.id) ? Outcome.CREATED : Outcome.DUPLICATE;
                results[c.index()] = new ItemResult(c.index(), outcome, new Recorded(p, c.customer().externalRef()), null);
            }
        }
        announce(firstByExternalId.values().stream().filter(row -> inserted.contains(row.id()))
                .map(row -> stored.get(row.externalId())).toList());
    }

    /** One event for all purchases this request newly stored, in the order they were stored. */
    private void announce(List<Purchase> newlyStored) {
        if (!newlyStored.isEmpty()) {
            purchaseEvents.fire(new PurchasesRecorded(newlyStored));
        }
    }

    private static Map<String, String> renameCustomerField(Map<String, String> differences) {
        Map<String, String> renamed = new LinkedHashMap<>();
        differences.forEach((field, stored) -> renamed.put("customerId".equals(field) ? "customerExternalRef" : field,
                "customerId".equals(field) ? "customer " + stored : stored));
        return renamed;
    }

    private static Purchase newPurchase(PurchaseRepository.NewPurchase row, Instant now) {
        PurchaseContent c = row.content();
        Purchase p = new Purchase();
        p.id = row.id();
        p.customerId = c.customerId();
        p.externalId = row.externalId();
        p.occurredAt = c.occurredAt();
        p.amount = c.amount();
        p.currency = c.currency();
        p.product = c.product();
        p.channel = c.channel();
        p.version = 0;
        p.createdAt = now;
        return p;
    }

    private String customerExternalRef(UUID customerId) {
        return purchases.findCustomer(customerId).map(PurchaseRepository.CustomerRef::externalRef).orElse(null);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Erasure: purchases stay (totals must not move), a void's free-text reason does not. */
    void onCustomerErased(@Observes CustomerErased erased) {
        purchases.eraseTextsOf(erased.customerId(), CustomerErasure.MARKER);
    }
}
