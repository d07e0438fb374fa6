package io.clientbook.purchase.rest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.privacy.SubjectExportSection;
import io.clientbook.privacy.SubjectExportWriter;
import io.clientbook.purchase.Purchase;
import io.clientbook.purchase.PurchaseRepository;
import io.clientbook.purchase.PurchaseService;

/** Every purchase of the customer, void ones included, newest first, read in keyset pages. */
@ApplicationScoped
public class PurchaseExportSection implements SubjectExportSection {

    @Inject
    PurchaseRepository purchases;

    @Override
    public String name() {
        return "purchases";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void write(UUID customerId, SubjectExportWriter out) throws IOException {
        String externalRef = purchases.findCustomer(customerId).map(PurchaseRepository.CustomerRef::externalRef).orElse(null);
        out.startArray();
        Instant afterAt = null;
        UUID afterId = null;
        List<Purchase> page;
        do {
            page = purchases.pageOfCustomer(customerId, true, afterAt, afterId, SubjectExportWriter.PAGE_SIZE);
            for (Purchase p : page) {
                out.value(PurchaseResponse.of(new PurchaseService.Recorded(p, externalRef)));
            }
            if (!page.isEmpty()) {
                afterAt = page.get(page.size() - 1).occurredAt;
                afterId = page.get(page.size() - 1).id;
            }
            out.pageWritten();
        } while (page.size() == SubjectExportWriter.PAGE_SIZE);
        out.endArray();
    }
}
