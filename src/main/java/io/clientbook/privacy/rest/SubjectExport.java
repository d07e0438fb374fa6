package io.clientbook.privacy.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.complaint.rest.ComplaintResponse;
import io.clientbook.customer.rest.CustomerResponse;
import io.clientbook.interaction.rest.InteractionResponse;
import io.clientbook.purchase.rest.PurchaseResponse;
import io.clientbook.task.rest.TaskResponse;

/**
 * The documented shape of a subject-access export: one member per section. The document itself is
 * streamed by the {@link io.clientbook.privacy.SubjectExportSection} beans; a new section adds its
 * component here too (the test comparing the two fails otherwise).
 */
@Schema(name = "SubjectExport", description = "A customer's whole file, as one document: the answer to a subject access request")
public record SubjectExport(
        @Schema(description = "When the export was written", examples = "2026-11-23T10:15:30Z") Instant exportedAt,
        @Schema(description = "The customer file, unmasked") CustomerResponse customer,
        @Schema(description = "Every purchase, void ones included, newest first") List<PurchaseResponse> purchases,
        @Schema(description = "Every complaint, newest first") List<ComplaintResponse> complaints,
        @Schema(description = "The whole contact log, newest first") List<InteractionResponse> interactions,
        @Schema(description = "Every follow-up task about the customer, by due time") List<TaskResponse> tasks) {
}
