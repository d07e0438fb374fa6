package io.clientbook.complaint.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.complaint.Complaint;
import io.clientbook.complaint.ComplaintStatus;
import io.clientbook.complaint.Severity;
import io.clientbook.customer.ContactChannel;

/** A complaint as clients read it. */
@Schema(name = "Complaint")
public record ComplaintResponse(
        @Schema(readOnly = true) UUID id,
        @Schema(readOnly = true, description = "Set at creation, never changed") UUID customerId,
        String subject,
        String description,
        Severity severity,
        ContactChannel channel,
        ComplaintStatus status,
        String resolution,
        @Schema(description = "1–5; only once RESOLVED or CLOSED") Integer satisfaction,
        @Schema(readOnly = true, description = "When the customer complained") Instant openedAt,
        @Schema(readOnly = true, description = "When it last moved to RESOLVED; cleared when reopened") Instant resolvedAt,
        @Schema(readOnly = true, description = "When it moved to CLOSED") Instant closedAt,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt) {

    public static ComplaintResponse of(Complaint c) {
        return new ComplaintResponse(c.id, c.customerId, c.subject, c.description, c.severity, c.channel, c.status,
                c.resolution, c.satisfaction == null ? null : c.satisfaction.intValue(), c.openedAt, c.resolvedAt,
                c.closedAt, c.createdAt, c.updatedAt);
    }
}
