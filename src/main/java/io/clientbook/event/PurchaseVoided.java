package io.clientbook.event;

import java.util.UUID;

import io.clientbook.purchase.Purchase;

/** A purchase was voided and no longer counts. */
public record PurchaseVoided(Purchase purchase) implements DomainEvent {

    @Override
    public UUID customerId() {
        return purchase.customerId;
    }
}
