package io.clientbook.customer.rest;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.clientbook.customer.Customer;
import io.clientbook.customer.CustomerRows;
import io.clientbook.customer.StoredConsent;
import io.clientbook.security.Caller;
import io.clientbook.security.ContactMasking;
import io.vertx.core.buffer.Buffer;

/**
 * Customer files as the calling key may see them: analysts get contact data masked
 * ({@link ContactMasking}). The one place the customer endpoints, searches and segment member pages
 * decide that and turn customers into responses: single files through {@link CustomerResponse}, pages
 * as {@link CustomerRows} wrote them from the rows.
 */
@ApplicationScoped
public class CustomerPresenter {

    /** What Jackson's writer declares for JSON, so pages carry the same header as every other response. */
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name());

    @Inject
    StoredConsent consent;
    @Inject
    Caller caller;

    /** One customer as this caller may see it. */
    public CustomerResponse present(Customer c) {
        CustomerResponse response = CustomerResponse.of(c, consent.of(c));
        return masksContacts() ? response.masked() : response;
    }

    /** Whether this caller gets contact data masked: pages are written with it ({@link CustomerRows}). */
    public boolean masksContacts() {
        return ContactMasking.appliesTo(caller);
    }

    /** A 200 with a page as {@link CustomerRows} wrote it: the {@link CustomerPage} schema. */
    public Response page(Buffer json) {
        return Response.ok(json, JSON).build();
    }
}
