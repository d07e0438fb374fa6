package io.clientbook.task;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;

/**
 * The fields of a task a PATCH may change: the target a merge patch is applied to. Which changes
 * are legal in which status is {@link TaskWorkflow}'s business.
 */
@Schema(name = "TaskFields", description = "The changeable fields of a task (JSON Merge Patch: members present are set, "
        + "null clears, absent are kept)")
public record TaskFields(
        @NotBlank @Size(max = 200) @Schema(required = false, description = "Cannot be cleared", examples = "Call about the new lamp range")
        String title,
        @NotNull @Schema(required = false, description = "Cannot be cleared") ContactChannel channel,
        @NotNull @Schema(required = false, description = "Cannot be cleared", examples = "2026-11-25T09:00:00Z") Instant dueAt,
        @Size(max = 100) @Schema(description = "Member of staff who does it; null leaves it unassigned", examples = "j.smith") String assignee,
        @NotNull @Schema(required = false, description = "Cannot be cleared") Priority priority,
        @NotNull @Schema(required = false, description = "OPEN → DONE (needs outcome) | CANCELLED; DONE or CANCELLED → OPEN reopens")
        TaskStatus status,
        @Size(max = 1000) @Schema(description = "What came of it; required to complete, only on a DONE task",
                examples = "Customer happy with the lamp; wants the catalogue") String outcome) {

    public static TaskFields of(Task t) {
        return new TaskFields(t.title, t.channel, t.dueAt, t.assignee, t.priority, t.status, t.outcome);
    }

    /** Trimmed, blank strings as absent. */
    public TaskFields normalized() {
        return new TaskFields(clean(title), channel, dueAt, clean(assignee), priority, status, clean(outcome));
    }

    public TaskFields withOutcome(String value) {
        return new TaskFields(title, channel, dueAt, assignee, priority, status, value);
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
