package io.clientbook.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * The filters of an audit search; null means "any". {@code actor} matches a key id or a key name;
 * {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(UUID customerId, String actor, AuditAction action, String resourceType, Instant from,
        Instant to) {

    public AuditQuery withCustomer(UUID customer) {
        return new AuditQuery(customer, actor, action, resourceType, from, to);
    }
}
