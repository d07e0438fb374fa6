package io.clientbook.event;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test-only observer: keeps every domain event (and the purchase events, which are about many customers), and fails the transaction of any customer whose last
 * name is {@value #FAIL_LAST_NAME}, to show that observers run inside the change's transaction.
 */
@ApplicationScoped
public class RecordingObserver {

    static final String FAIL_LAST_NAME = "ObserverFailsHere";

    private final List<DomainEvent> seen = new CopyOnWriteArrayList<>();
    private final List<PurchasesRecorded> purchases = new CopyOnWriteArrayList<>();

    void on(@Observes DomainEvent event) {
        if (event instanceof CustomerCreated created && FAIL_LAST_NAME.equals(created.customer().lastName)) {
            throw new IllegalStateException("observer refused the event on purpose");
        }
        seen.add(event);
    }

    void on(@Observes PurchasesRecorded event) {
        purchases.add(event);
    }

    /** The purchase events that carry a purchase with this externalId. */
    List<PurchasesRecorded> purchasesWith(String externalId) {
        return purchases.stream().filter(e -> e.purchases().stream().anyMatch(p -> externalId.equals(p.externalId))).toList();
    }

    List<DomainEvent> of(UUID customerId) {
        return seen.stream().filter(e -> customerId.equals(e.customerId())).toList();
    }
}
