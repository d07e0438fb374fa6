package io.clientbook.event;

import java.util.List;
import java.util.UUID;

import io.clientbook.purchase.Purchase;

/**
 * Purchases of one customer newly stored by one request (a single POST, or one customer's share of a
 * batch). Re-sent duplicates are not in it: they happened once already. One event per customer and
 * request lets observers work set-based on a batch instead of row by row.
 */
public record PurchasesRecorded(UUID customerId, List<Purchase> purchases) implements DomainEvent {

    public PurchasesRecorded {
        purchases = List.copyOf(purchases);
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one purchase");
        }
    }
}
