package io.clientbook.complaint;

import java.util.UUID;

/** The filters of a complaint list; null means "any". */
public record ComplaintListQuery(ComplaintStatus status, UUID customerId, Severity severity) {
}
