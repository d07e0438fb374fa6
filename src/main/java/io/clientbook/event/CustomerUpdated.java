package io.clientbook.event;

import java.util.Set;
import java.util.UUID;

import io.clientbook.customer.Customer;
import io.clientbook.customer.CustomerFields;

/**
 * The writable fields of a customer changed. Fired only when something actually changed;
 * {@code before} and {@code after} are the writable fields on each side of the change.
 */
public record CustomerUpdated(Customer customer, CustomerFields before, CustomerFields after) implements DomainEvent {

    @Override
    public UUID customerId() {
        return customer.id;
    }

    /** The JSON names of the writable fields whose values differ (never the values themselves). */
    public Set<String> changedFields() {
        return RecordDiff.changedComponents(before, after);
    }
}
