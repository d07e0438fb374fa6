package io.clientbook.tier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.web.ETags;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;
import io.clientbook.tier.TierPolicy;
import io.clientbook.tier.TierPolicyService;

@Path("/api/v1/tier-policy")
@Tag(name = "Tiers", description = "ABC tiers and RFM segments from purchase history: the policy, the runs, the history")
@Produces(MediaType.APPLICATION_JSON)
public class TierPolicyResource {

    private static final String EXAMPLE = "{\"windowDays\": 365, \"cutA\": 0.80, \"cutB\": 0.95}";

    @Inject
    TierPolicyService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "Get the tier policy", description = "The window and ABC cut-offs the next run uses. "
            + TierDefinitions.ABC)
    @APIResponse(responseCode = "200", description = "The policy; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = TierPolicyResponse.class)))
    public Response get() {
        return ok(service.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the tier policy",
            description = "All three fields are required: windowDays 1-3650, 0 < cutA < cutB <= 1 (at most 4 decimals). "
                    + "The next run uses it; each run records the policy version and values it used. RFM has no "
                    + "settings: its scores are quintiles by definition.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TierPolicyFields.class),
            examples = @ExampleObject(name = "pareto", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The policy, with its new ETag",
            content = @Content(schema = @Schema(implementation = TierPolicyResponse.class)))
    public Response replace(TierPolicyFields body,
            @Parameter(description = "ETag the change is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.replace(body == null ? null : body.proposal(), ifMatch, caller.name()));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST })
    @Operation(summary = "Preview a tier policy (what-if)",
            description = "Scores every customer as of now with the proposed policy, exactly as a run would, and answers "
                    + "the counts per tier and per RFM segment and how many customers would move from each tier to each "
                    + "other, compared with their current tiers. Writes nothing. Fields left out take the current "
                    + "policy's values. " + TierDefinitions.ABC + " " + TierDefinitions.RFM)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TierPolicyFields.class),
            examples = @ExampleObject(name = "stricter A", value = "{\"cutA\": 0.70}")))
    @APIResponse(responseCode = "200", description = "What a run would find",
            content = @Content(schema = @Schema(implementation = TierCountsResponse.class)))
    public TierCountsResponse preview(TierPolicyFields body) {
        if (body == null) {
            // The contract requires a body; {} previews the current policy.
            throw ApiProblem.validation("body", "is required: the proposed policy, or {} for the current one");
        }
        TierPolicyService.Preview p = service.preview(body.proposal());
        return TierCountsResponse.of(p.asOf(), p.policy(), p.counts());
    }

    private static Response ok(TierPolicy p) {
        return Response.ok(TierPolicyResponse.of(p)).header("ETag", ETags.of(p.version)).build();
    }
}
