package io.clientbook.customer.rest;

import java.io.IOException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.customer.Customer;
import io.clientbook.customer.CustomerService;
import io.clientbook.customer.StoredConsent;
import io.clientbook.privacy.SubjectExportSection;
import io.clientbook.privacy.SubjectExportWriter;

/** The customer file itself, unmasked: the export is the subject's own data. */
@ApplicationScoped
public class CustomerExportSection implements SubjectExportSection {

    @Inject
    CustomerService customers;
    @Inject
    StoredConsent consent;

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void write(UUID customerId, SubjectExportWriter out) throws IOException {
        Customer c = customers.get(customerId);
        out.value(CustomerResponse.of(c, consent.of(c)));
    }
}
