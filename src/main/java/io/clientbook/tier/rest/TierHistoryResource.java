package io.clientbook.tier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Roles;
import io.clientbook.tier.TierHistoryService;

/** A customer's tier history, a sub-resource of the customer file. */
@Path("/api/v1/customers/{customerId}/tier-history")
@Tag(name = "Tiers")
@Produces(MediaType.APPLICATION_JSON)
public class TierHistoryResource {

    @Inject
    TierHistoryService service;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "List a customer's tier history",
            description = "One entry per tier run that changed the customer's tier or RFM segment (from, to, run, "
                    + "time), newest first, keyset-paged.")
    @APIResponse(responseCode = "200", description = "A page of the history",
            content = @Content(schema = @Schema(implementation = TierHistoryPage.class)))
    public TierHistoryPage list(@PathParam("customerId") String customerId,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<TierChangeResponse> page = service.history(QueryParams.pathId(customerId, "customer"),
                PageRequest.of(limit, cursor)).map(TierChangeResponse::of);
        return new TierHistoryPage(page.items(), page.nextCursor());
    }
}
