package io.clientbook.complaint.rest;

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
import io.clientbook.complaint.ComplaintService;
import io.clientbook.complaint.ComplaintStatus;
import io.clientbook.complaint.Severity;
import io.clientbook.security.Roles;

/** A customer's complaint records, a sub-resource of the customer file. */
@Path("/api/v1/customers/{customerId}/complaints")
@Tag(name = "Complaints")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerComplaintResource {

    @Inject
    ComplaintService service;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "listCustomerComplaints", summary = "List a customer's complaints", description = ComplaintResource.LIST_DESCRIPTION
            + " 404 when the customer does not exist or was erased.")
    @APIResponse(responseCode = "200", description = "A page of the customer's complaints",
            content = @Content(schema = @Schema(implementation = ComplaintPage.class)))
    public ComplaintPage list(@PathParam("customerId") String customerId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ComplaintStatus.class)) String status,
            @QueryParam("severity") @Parameter(schema = @Schema(implementation = Severity.class)) String severity,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<ComplaintResponse> page = service.listOfCustomer(QueryParams.pathId(customerId, "customer"),
                QueryParams.enumValue(ComplaintStatus.class, status, "status"),
                QueryParams.enumValue(Severity.class, severity, "severity"), PageRequest.of(limit, cursor))
                .map(ComplaintResponse::of);
        return new ComplaintPage(page.items(), page.nextCursor());
    }
}
