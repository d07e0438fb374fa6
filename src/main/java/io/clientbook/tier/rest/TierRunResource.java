package io.clientbook.tier.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;
import io.clientbook.tier.RunTrigger;
import io.clientbook.tier.TierRun;
import io.clientbook.tier.TierRunService;

@Path("/api/v1/tier-runs")
@Tag(name = "Tiers")
@Produces(MediaType.APPLICATION_JSON)
public class TierRunResource {

    @Inject
    TierRunService service;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start a tier run",
            description = "Scores every customer now, in the background, with the current policy, and answers at once "
                    + "with the RUNNING run (poll its Location). One run at a time across all replicas. The run writes "
                    + "the customers' tier, rfm and tierChangedAt, and a tier-history entry for each customer whose "
                    + "tier or RFM segment changes, all in one transaction: a failed run changes nothing and is "
                    + "recorded FAILED with its error. " + TierDefinitions.ABC + " " + TierDefinitions.RFM)
    @APIResponse(responseCode = "202", description = "Started; Location names the run",
            content = @Content(schema = @Schema(implementation = TierRunResponse.class)))
    @APIResponse(responseCode = "409", description = "A run is already running; `runningRunId` names it")
    public Response start() {
        TierRun run = service.start(RunTrigger.MANUAL, caller.name());
        return Response.accepted(TierRunResponse.of(run)).location(URI.create("/api/v1/tier-runs/" + run.id))
                .header("ETag", ETags.of(run.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "List tier runs", description = "Newest first (by startedAt), keyset-paged.")
    @APIResponse(responseCode = "200", description = "A page of runs",
            content = @Content(schema = @Schema(implementation = TierRunPage.class)))
    public TierRunPage list(
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<TierRunResponse> page = service.list(PageRequest.of(limit, cursor)).map(TierRunResponse::of);
        return new TierRunPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "Get a tier run", description = "Its status, trigger, times, the policy it used and, once "
            + "SUCCEEDED, customersScored, changes and the counts per tier and per RFM segment.")
    @APIResponse(responseCode = "200", description = "The run; its ETag moves when its status does",
            content = @Content(schema = @Schema(implementation = TierRunResponse.class)))
    public Response get(@PathParam("id") String id) {
        TierRun run = service.get(QueryParams.pathId(id, "tier run"));
        return Response.ok(TierRunResponse.of(run)).header("ETag", ETags.of(run.version)).build();
    }
}
