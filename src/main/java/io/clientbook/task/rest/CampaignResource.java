package io.clientbook.task.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;
import io.clientbook.task.CampaignService;
import io.clientbook.task.NewCampaign;

/** Campaigns: tasks for every member of a saved segment, a sub-resource of the segment. */
@Path("/api/v1/segments/{id}/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private static final String EXAMPLE = """
            {"type": "PROMOTION_INVITE", "title": "Invite to the spring collection preview", "dueAt": "2026-03-20T09:00:00Z",
             "channel": "EMAIL", "priority": "NORMAL", "campaign": "spring-2026"}""";
    private static final String RESULT_EXAMPLE = """
            {"campaign": "spring-2026", "generationId": "5b0e8a1c-3d4f-4e2a-9b6c-7d8e9f0a1b2c", "created": 118,
             "skipped": {"NO_CONSENT": 7, "FREQUENCY_CAP": 3, "TOO_LATE": 0}}""";

    @Inject
    CampaignService service;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(operationId = "createCampaignTasks", summary = "Run a campaign: one task per member of the segment",
            description = "Creates a task (source CAMPAIGN, trigger key campaign:<key>) for every current member of the saved "
                    + "segment, in one statement and one transaction. Campaign tasks are marketing contacts whatever their type: "
                    + "a member gets the campaign's channel if consented to it, else their own consented channel (preferred "
                    + "first), else nothing (skipped NO_CONSENT); a member with another marketing task open or done within "
                    + "clientbook.tasks.min-days-between-contacts days of dueAt is skipped FREQUENCY_CAP. Erased customers get "
                    + "nothing. The assignee is each customer's owner. Exactly once: the campaign's key is the campaign field, "
                    + "else derived from the Idempotency-Key header (one of the two is required); a customer gets at most one "
                    + "task per key, so posting the same campaign again creates tasks only for new members (or members who "
                    + "have become eligible since). With an Idempotency-Key a retry replays the first answer. Skips are "
                    + "recorded like the rules' (GET /api/v1/follow-up-rules/skips?rule=CAMPAIGN); the campaign's tasks are "
                    + "listed by GET /api/v1/tasks?campaign=<key>.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewCampaign.class),
            examples = @ExampleObject(name = "campaign", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What this request created and skipped",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class),
                    examples = @ExampleObject(name = "result", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such segment")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request")
    public Response create(@PathParam("id") String id, NewCampaign body,
            @Parameter(description = "Retries with the same key and body replay the first response; without a campaign field "
                    + "the campaign's key is derived from it") @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        UUID segmentId = QueryParams.pathId(id, "segment");
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/segments/" + segmentId + "/tasks", body,
                () -> Response.ok(CampaignResponse.of(service.launch(segmentId, body, caller.keyId(), idempotencyKey,
                        caller.name()))).build());
    }
}
