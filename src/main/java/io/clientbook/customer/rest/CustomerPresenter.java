package io.clientbook.customer.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.common.paging.Page;
import io.clientbook.customer.Customer;
import io.clientbook.customer.StoredConsent;
import io.clientbook.security.Caller;
import io.clientbook.security.ContactMasking;

/**
 * Customer files as the calling key may see them: analysts get contact data masked
 * ({@link ContactMasking}). The one place the customer endpoints, searches and segment member pages
 * turn stored customers into responses.
 */
@ApplicationScoped
public class CustomerPresenter {

    @Inject
    StoredConsent consent;
    @Inject
    Caller caller;

    /** One customer as this caller may see it. */
    public CustomerResponse present(Customer c) {
        return present(c, ContactMasking.appliesTo(caller));
    }

    /** A page of customers as this caller may see them. */
    public CustomerPage page(Page<Customer> page) {
        boolean mask = ContactMasking.appliesTo(caller);
        return new CustomerPage(page.map(c -> present(c, mask)).items(), page.nextCursor());
    }

    private CustomerResponse present(Customer c, boolean mask) {
        CustomerResponse response = CustomerResponse.of(c, consent.of(c));
        return mask ? response.masked() : response;
    }
}
