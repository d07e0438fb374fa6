package io.clientbook.event;

import java.util.List;

import io.clientbook.purchase.Purchase;

/**
 * Purchases newly stored by one request — a single POST, or a whole batch, whatever customers they are
 * of — in the order they were stored. Re-sent duplicates are not in it: they happened once already.
 * One event per request lets observers write set-based: an audit insert, a feed insert and one task
 * generation per follow-up rule for a batch of 1,000, not a round of statements per customer (which
 * kept a batch's customer locks for seconds and made parallel ingest queue behind it).
 * <p>
 * Not a {@link DomainEvent}: like {@link TasksCreated} it is about many customers, not one; each
 * purchase names its own ({@link Purchase#customerId}).
 */
public record PurchasesRecorded(List<Purchase> purchases) {

    public PurchasesRecorded {
        purchases = List.copyOf(purchases);
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one purchase");
        }
    }
}
