package io.clientbook.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.audit.AuditAction;
import io.clientbook.audit.AuditEntry;
import io.clientbook.audit.AuditQuery;
import io.clientbook.audit.AuditTrail;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.Roles;

/**
 * The audit trail, read-only (nothing in the API can change it). Admin only: the trail watches
 * the staff, so the staff it watches do not read it.
 */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who read or changed what, when and from where; append-only, admin only")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String DESCRIPTION = "Newest first, keyset-paged. Every read of a single customer file, every "
            + "change of a record, every export and erasure, every API key created or revoked. Entries name changed "
            + "fields, never their values.";

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAudit", summary = "Search the audit trail", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    public AuditPage list(
            @QueryParam("customerId") @Parameter(description = "Entries about this customer",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String customerId,
            @QueryParam("actor") @Parameter(description = "An API key id or name (or job:<name>)",
                    examples = @ExampleObject(name = "key name", value = "j.smith")) String actor,
            @QueryParam("action") @Parameter(schema = @Schema(implementation = AuditAction.class)) String action,
            @QueryParam("resourceType") @Parameter(description = "customer, purchase, complaint, interaction, api-key, …")
            String resourceType,
            @QueryParam("from") @Parameter(description = "From this time on (inclusive)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    examples = @ExampleObject(name = "from", value = "2026-11-01T00:00:00Z")) String from,
            @QueryParam("to") @Parameter(description = "Before this time (exclusive); must be after from",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    examples = @ExampleObject(name = "to", value = "2026-12-01T00:00:00Z")) String to,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        AuditQuery query = query(actor, action, resourceType, from, to).withCustomer(QueryParams.uuid(customerId, "customerId"));
        return toPage(trail.find(query, PageRequest.of(limit, cursor)));
    }

    static AuditQuery query(String actor, String action, String resourceType, String from, String to) {
        return new AuditQuery(null, QueryParams.text(actor, "actor", 100), QueryParams.enumValue(AuditAction.class, action, "action"),
                QueryParams.text(resourceType, "resourceType", 40), QueryParams.instant(from, "from"),
                QueryParams.instant(to, "to"));
    }

    static AuditPage toPage(Page<AuditEntry> page) {
        Page<AuditEntryResponse> mapped = page.map(AuditEntryResponse::of);
        return new AuditPage(mapped.items(), mapped.nextCursor());
    }
}
