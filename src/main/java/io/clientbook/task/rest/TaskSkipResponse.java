package io.clientbook.task.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.task.SkipReason;
import io.clientbook.task.TaskSkip;

/** A task a rule (or a campaign) did not create, and why. */
@Schema(name = "TaskSkip")
public record TaskSkipResponse(
        UUID id,
        @Schema(description = "The rule, or CAMPAIGN", examples = "THANK_YOU") String rule,
        @Schema(examples = "purchase:7d0c9a44-5e1b-4f0e-8a51-0f8c2f9b6a11") String triggerKey,
        UUID customerId,
        SkipReason reason,
        Instant skippedAt) {

    public static TaskSkipResponse of(TaskSkip s) {
        return new TaskSkipResponse(s.id, s.source, s.triggerKey, s.customerId, s.reason, s.skippedAt);
    }
}
