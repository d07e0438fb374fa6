package io.clientbook.task.rest;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.task.CampaignService;
import io.clientbook.task.SkipReason;

/** What a campaign request did. */
@Schema(name = "CampaignResult", description = "What this request did: tasks created and members skipped by reason. Members "
        + "who already had the campaign's task (an earlier request) are counted in neither.")
public record CampaignResponse(
        @Schema(description = "The campaign's key: list its tasks with GET /api/v1/tasks?campaign=<key>",
                examples = "spring-2026") String campaign,
        @Schema(description = "The statement that created the tasks (the generation of the task.created feed events)")
        UUID generationId,
        @Schema(examples = "118") int created,
        @Schema(description = "Every skip reason with its count (NO_CONSENT, FREQUENCY_CAP; TOO_LATE never applies to campaigns)",
                examples = "{\"NO_CONSENT\": 7, \"FREQUENCY_CAP\": 3, \"TOO_LATE\": 0}") Map<SkipReason, Integer> skipped) {

    public static CampaignResponse of(CampaignService.Launched launched) {
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, launched.result().skipped(reason));
        }
        return new CampaignResponse(launched.campaign(), launched.result().generationId(), launched.result().created(), skipped);
    }
}
