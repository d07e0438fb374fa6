package io.clientbook.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.web.ETags;
import io.clientbook.event.CustomerErased;
import io.clientbook.event.DomainEvent;

/**
 * Erasure of a customer's personal data ({@code DELETE /customers/{id}}), irreversible. What is left
 * is an anonymous skeleton: the id, country, tier, RFM, stats and the purchases with their amounts, so
 * totals and tier statistics stay right. Every capability that holds personal data of the customer
 * erases its own on {@link CustomerErased} (complaints and the contact log replace their free text by
 * {@link #MARKER}; tasks cancel), in this transaction: the erasure commits whole or not at all.
 * <p>
 * Country stays: one of a few hundred values, it identifies nobody, and revenue by country stays
 * right. Region, city and everything finer go.
 */
@ApplicationScoped
@Transactional
public class CustomerErasure {

    /** What erased free text reads as. */
    public static final String MARKER = "[erased]";

    /** The JSON names of the customer fields an erasure clears (the changedFields of its audit entry). */
    public static final List<String> ERASED_FIELDS = List.of("externalRef", "firstName", "lastName", "email", "phone",
            "gender", "birthDate", "region", "city", "occupation", "preferredChannel", "consent", "owner",
            "needOrientation", "buyingStage", "expectedPurchaseDate", "notBuyingReason", "tags", "notes");

    @Inject
    CustomerRepository customers;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Event<DomainEvent> events;

    /**
     * Erases the customer's personal data and announces it once. Erasing an erased customer changes
     * nothing and announces nothing (whatever If-Match says: what was asked has happened). 404 for an
     * unknown id, 412 when If-Match names an older version.
     */
    public void erase(UUID id, String ifMatch) {
        Customer c = customers.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("customer", id));
        if (c.erasedAt != null) {
            return;
        }
        ETags.checkIfMatch(ifMatch, c.version);
        Instant now = Timestamps.now();
        c.externalRef = null;
        c.firstName = null;
        c.lastName = null;
        c.email = null;
        c.phone = null;
        c.gender = null;
        c.birthDate = null;
        c.region = null;
        c.city = null;
        c.occupation = null;
        c.preferredChannel = null;
        c.consent = "{}";
        c.owner = null;
        c.needOrientation = null;
        c.buyingStage = null;
        c.expectedPurchaseDate = null;
        c.notBuyingReason = null;
        c.tags = new String[0];
        c.notes = null;
        c.erasedAt = now;
        c.updatedAt = now;
        customers.flush();
        // Stored first responses of creating POSTs (kept for Idempotency-Key replays) may hold the file.
        idempotency.forgetResponsesMentioning(id.toString());
        events.fire(new CustomerErased(id, now));
    }
}
