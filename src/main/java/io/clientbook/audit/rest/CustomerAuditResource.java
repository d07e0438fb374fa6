package io.clientbook.audit.rest;

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

import io.clientbook.audit.AuditAction;
import io.clientbook.audit.AuditTrail;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Roles;

/** The audit trail of one customer, a sub-resource of the customer file; admin only like the whole trail. */
@Path("/api/v1/customers/{customerId}/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerAuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listCustomerAudit", summary = "The audit trail of one customer",
            description = AuditResource.DESCRIPTION + " Also for an erased customer (the trail holds no personal data, and shows the "
                    + "erasure); 404 only for an id that never was a customer.")
    @APIResponse(responseCode = "200", description = "A page of the customer's entries",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    public AuditPage listOfCustomer(@PathParam("customerId") String customerId,
            @QueryParam("actor") @Parameter(description = "An API key id or name (or job:<name>)") String actor,
            @QueryParam("action") @Parameter(schema = @Schema(implementation = AuditAction.class)) String action,
            @QueryParam("resourceType") @Parameter(description = "customer, purchase, complaint, interaction, …") String resourceType,
            @QueryParam("from") @Parameter(description = "From this time on (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = "Before this time (exclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return AuditResource.toPage(trail.findOfCustomer(QueryParams.pathId(customerId, "customer"),
                AuditResource.query(actor, action, resourceType, from, to), PageRequest.of(limit, cursor)));
    }

}
