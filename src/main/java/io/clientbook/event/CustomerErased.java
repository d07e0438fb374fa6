package io.clientbook.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's personal data was erased (only the anonymous skeleton is left). Fired once, by the
 * first erasure; observers cancel what is pending for the customer and must not copy any personal
 * data anywhere.
 */
public record CustomerErased(UUID customerId, Instant erasedAt) implements DomainEvent {
}
