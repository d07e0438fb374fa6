package io.clientbook.event;

import java.util.UUID;

/**
 * Something that happened to a customer's file, announced synchronously (CDI {@code Event.fire})
 * inside the transaction that made it happen. Observers — the follow-up rules, the audit trail, the
 * event outbox — therefore run in that transaction: what they write commits or rolls back with the
 * change, and an observer that throws rolls the change back. Observers must not start their own
 * transactions for this work.
 */
public interface DomainEvent {

    /** The customer the event is about: the subject of the event feed. */
    UUID customerId();
}
