package io.clientbook.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;

/** The body of {@code POST /tasks}: a task a person creates (source MANUAL). It starts OPEN. */
@Schema(name = "NewTask", description = "A task created by hand; it starts OPEN. Manual tasks are the staff's own decision: "
        + "they are not held to consent or the contact-frequency cap (but marketing-type ones count for the cap of generated tasks).")
public record NewTask(
        @NotNull @Schema(required = true, description = "Must exist and not be erased") UUID customerId,
        @Schema(description = "Default CUSTOM") TaskType type,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Invite to the spring collection preview") String title,
        @Schema(description = "Default: the customer's preferred channel if consented, else a consented one, else the preferred one, else PHONE")
        ContactChannel channel,
        @NotNull @Schema(required = true, examples = "2026-11-25T09:00:00Z") Instant dueAt,
        @Size(max = 100) @Schema(description = "Default: the customer's owner", examples = "j.smith") String assignee,
        @Schema(description = "Default NORMAL") Priority priority) {

    public NewTask normalized() {
        return new NewTask(customerId, type, TaskFields.clean(title), channel, dueAt, TaskFields.clean(assignee), priority);
    }
}
