package io.clientbook.event;

import java.util.UUID;

import io.clientbook.customer.Customer;

/** A customer file was created (by POST or by an upsert that created). */
public record CustomerCreated(Customer customer) implements DomainEvent {

    @Override
    public UUID customerId() {
        return customer.id;
    }
}
