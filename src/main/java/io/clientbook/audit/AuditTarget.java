package io.clientbook.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * One resource an action touched: its type and id, the customer it belongs to (null if none), and
 * the JSON names of the fields written — names only, never values.
 */
public record AuditTarget(String resourceType, String resourceId, UUID customerId, List<String> changedFields) {

    public AuditTarget {
        if (resourceType == null || resourceId == null) {
            throw new IllegalArgumentException("an audit target needs a resource type and id");
        }
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    public static AuditTarget of(String resourceType, Object resourceId, UUID customerId, Collection<String> changedFields) {
        return new AuditTarget(resourceType, String.valueOf(resourceId), customerId,
                changedFields == null ? List.of() : List.copyOf(changedFields));
    }

    /** A customer file as a whole (reads, exports, erasure). */
    public static AuditTarget customer(UUID customerId, Collection<String> changedFields) {
        return of(AuditedTypes.CUSTOMER, customerId, customerId, changedFields);
    }
}
