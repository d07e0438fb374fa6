package io.clientbook.task;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;

/** The body of {@code POST /segments/{id}/tasks}: one task per member of the segment, under a campaign key. */
@Schema(name = "NewCampaign", description = "A campaign over a saved segment: one task per member, held to consent and the "
        + "contact-frequency cap, at most once per customer and campaign.")
public record NewCampaign(
        @Schema(description = "PROMOTION_INVITE (default) or CUSTOM; both are marketing contacts") TaskType type,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Invite to the spring collection preview") String title,
        @NotNull @Schema(required = true, examples = "2026-03-20T09:00:00Z") Instant dueAt,
        @Schema(description = "The campaign's preferred channel: used for every member who consented to it; the others are "
                + "reached through their own consented channel (their preferred one first), and members with no consented "
                + "channel are skipped NO_CONSENT") ContactChannel channel,
        @Schema(description = "Default NORMAL") Priority priority,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "may contain only letters, digits and . _ - "
                + "and must start with a letter or digit")
        @Schema(description = "The campaign's key: a customer gets at most one task per key, whatever the retries. "
                + "Default: derived from the Idempotency-Key header; one of the two is required", examples = "spring-2026")
        String campaign) {

    /** The types a campaign may create. */
    public static final java.util.Set<TaskType> TYPES = java.util.EnumSet.of(TaskType.PROMOTION_INVITE, TaskType.CUSTOM);

    public NewCampaign normalized() {
        return new NewCampaign(type == null ? TaskType.PROMOTION_INVITE : type, TaskFields.clean(title), dueAt, channel,
                priority == null ? Priority.NORMAL : priority, TaskFields.clean(campaign));
    }
}
