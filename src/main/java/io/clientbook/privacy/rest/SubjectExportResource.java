package io.clientbook.privacy.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.web.QueryParams;
import io.clientbook.privacy.SubjectExportService;
import io.clientbook.security.Roles;

/** Subject access: a customer's whole file, for the customer who asks for it. */
@Path("/api/v1/customers/{customerId}/export")
@Tag(name = "Customers")
public class SubjectExportResource {

    @Inject
    SubjectExportService exports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(operationId = "exportCustomer", summary = "Export a customer's whole file (subject access)",
            description = "One JSON document with a member per part of the file (customer, purchases, complaints, "
                    + "contact log), unmasked: it is the customer's own data. Streamed, however long the history. "
                    + "Recorded in the audit trail (EXPORT) before it is sent. 404 for an erased customer.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectExport.class)))
    public Response export(@PathParam("customerId") String customerId) {
        UUID id = QueryParams.pathId(customerId, "customer");
        exports.begin(id);
        StreamingOutput body = out -> exports.write(id, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"").build();
    }
}
