package io.clientbook.task.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;
import io.clientbook.task.Priority;
import io.clientbook.task.Task;
import io.clientbook.task.TaskStatus;
import io.clientbook.task.TaskType;

/** A task as clients read it. */
@Schema(name = "Task")
public record TaskResponse(
        @Schema(readOnly = true) UUID id,
        @Schema(readOnly = true) UUID customerId,
        @Schema(readOnly = true) TaskType type,
        @Schema(examples = "Thank the customer for the purchase") String title,
        ContactChannel channel,
        @Schema(examples = "2026-11-25T10:00:00Z") Instant dueAt,
        @Schema(description = "Member of staff who does it; defaults to the customer's owner", examples = "j.smith") String assignee,
        Priority priority,
        TaskStatus status,
        @Schema(description = "What came of it; set when DONE") String outcome,
        @Schema(readOnly = true, description = "When it was completed; cleared when reopened") Instant completedAt,
        @Schema(readOnly = true, description = "The contact-log entry written when it was last completed") UUID interactionId,
        @Schema(readOnly = true, description = "The rule that made it (e.g. THANK_YOU), CAMPAIGN, or MANUAL", examples = "THANK_YOU") String source,
        @Schema(readOnly = true, description = "The trigger of a generated task: with source, created at most once",
                examples = "purchase:7d0c9a44-5e1b-4f0e-8a51-0f8c2f9b6a11") String triggerKey,
        @Schema(readOnly = true, description = "Who created it: an API key's name, or follow-up-rules") String createdBy,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt) {

    public static TaskResponse of(Task t) {
        return new TaskResponse(t.id, t.customerId, t.type, t.title, t.channel, t.dueAt, t.assignee, t.priority, t.status,
                t.outcome, t.completedAt, t.interactionId, t.source, t.triggerKey, t.createdBy, t.createdAt, t.updatedAt);
    }
}
