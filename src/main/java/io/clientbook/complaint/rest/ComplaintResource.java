package io.clientbook.complaint.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.clientbook.common.error.Problem;
import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.MergePatch;
import io.clientbook.common.web.QueryParams;
import io.clientbook.complaint.Complaint;
import io.clientbook.complaint.ComplaintFields;
import io.clientbook.complaint.ComplaintListQuery;
import io.clientbook.complaint.ComplaintService;
import io.clientbook.complaint.ComplaintStatus;
import io.clientbook.complaint.NewComplaint;
import io.clientbook.complaint.Severity;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;

@Path("/api/v1/complaints")
@Tag(name = "Complaints", description = "What went wrong for a customer and how it was handled: "
        + "OPEN → IN_PROGRESS → RESOLVED → CLOSED, with the resolution and the customer's satisfaction")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    static final String LIST_DESCRIPTION = "Newest first (by when the complaint was recorded), keyset-paged.";
    private static final String EXAMPLE = """
            {"customerId": "0b9f6c4e-2f4e-4a4a-9c9c-5d2b1e7f3a10", "subject": "Parcel arrived damaged",
             "description": "The box was crushed and the vase inside is broken.", "severity": "HIGH",
             "channel": "PHONE", "openedAt": "2026-11-23T10:15:30Z"}""";
    private static final String PATCH_EXAMPLE = """
            {"status": "RESOLVED", "resolution": "Replacement sent by express; courier claim filed"}""";
    static final String ILLEGAL_MOVE_EXAMPLE = """
            {"type": "urn:clientbook:problem:illegal-status-transition", "title": "Illegal status transition",
             "status": 409, "detail": "A complaint cannot move from OPEN to CLOSED; from OPEN it can move to [IN_PROGRESS]",
             "instance": "/api/v1/complaints/5f1d2c3b-8a7e-4c1f-9b2a-6e4d3c2b1a09",
             "errors": [{"field": "status", "message": "cannot move from OPEN to CLOSED"}],
             "currentStatus": "OPEN", "allowedNextStates": ["IN_PROGRESS"]}""";
    private static final String NOT_RESOLVED_EXAMPLE = """
            {"type": "urn:clientbook:problem:complaint-not-resolved", "title": "Complaint is not resolved",
             "status": 409, "detail": "The customer's satisfaction is recorded once the complaint is RESOLVED or CLOSED; it is IN_PROGRESS",
             "errors": [{"field": "satisfaction", "message": "only once the complaint is RESOLVED or CLOSED"}]}""";
    private static final String UNKNOWN_CUSTOMER_EXAMPLE = """
            {"type": "urn:clientbook:problem:unknown-customer", "title": "Unknown customer", "status": 422,
             "detail": "No customer with id '0b9f6c4e-2f4e-4a4a-9c9c-5d2b1e7f3a10'",
             "errors": [{"field": "customerId", "message": "names no customer"}]}""";
    private static final String IDEMPOTENCY_REUSED_EXAMPLE = """
            {"type": "urn:clientbook:problem:idempotency-key-reused", "title": "Idempotency-Key reused", "status": 422,
             "detail": "This Idempotency-Key was used for a different request; use a new key for a new request"}""";

    @Inject
    ComplaintService service;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(operationId = "createComplaint", summary = "Record a complaint", description = "The complaint starts OPEN. openedAt defaults to now.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewComplaint.class),
            examples = @ExampleObject(name = "complaint", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new complaint",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "422", description = "customerId names no customer (or an erased one); "
            + "or the Idempotency-Key was used before for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "unknown-customer", value = UNKNOWN_CUSTOMER_EXAMPLE),
                    @ExampleObject(name = "idempotency-key-reused", value = IDEMPOTENCY_REUSED_EXAMPLE) }))
    public Response create(NewComplaint body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/complaints", body, () -> {
            Complaint c = service.create(body);
            return Response.created(URI.create("/api/v1/complaints/" + c.id)).header("ETag", ETags.of(c.version))
                    .entity(ComplaintResponse.of(c)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "listComplaints", summary = "List complaints", description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of complaints",
            content = @Content(schema = @Schema(implementation = ComplaintPage.class)))
    public ComplaintPage list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ComplaintStatus.class)) String status,
            @QueryParam("customerId") @Parameter(description = "Only this customer's complaints",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String customerId,
            @QueryParam("severity") @Parameter(schema = @Schema(implementation = Severity.class)) String severity,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        ComplaintListQuery query = new ComplaintListQuery(QueryParams.enumValue(ComplaintStatus.class, status, "status"),
                QueryParams.uuid(customerId, "customerId"), QueryParams.enumValue(Severity.class, severity, "severity"));
        Page<ComplaintResponse> page = service.list(query, PageRequest.of(limit, cursor)).map(ComplaintResponse::of);
        return new ComplaintPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "getComplaint", summary = "Get a complaint")
    @APIResponse(responseCode = "200", description = "The complaint; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public Response get(@PathParam("id") String id) {
        return ok(service.get(QueryParams.pathId(id, "complaint")));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(operationId = "patchComplaint", summary = "Change a complaint or move it on (JSON Merge Patch)",
            description = "Changeable: subject, description, severity, channel, status, resolution, satisfaction; "
                    + "read-only fields (id, customerId, openedAt, resolvedAt, closedAt, createdAt, updatedAt) in the body "
                    + "are a 400. Status moves: OPEN → IN_PROGRESS → RESOLVED → CLOSED, and RESOLVED → IN_PROGRESS to "
                    + "reopen; anything else is a 409 listing allowedNextStates. Moving to RESOLVED needs a resolution "
                    + "(400). satisfaction (1–5) is taken only once RESOLVED or CLOSED (409 before). A CLOSED complaint "
                    + "only takes satisfaction. Reopening clears resolvedAt and the satisfaction given on the old "
                    + "resolution; resolvedAt and closedAt are stamped by the moves.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = ComplaintFields.class), examples = @ExampleObject(name = "resolve", value = PATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The changed complaint, with its new ETag",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "409", description = "An illegal status move (allowedNextStates lists the legal ones), "
            + "satisfaction before the complaint is resolved, or a change other than satisfaction to a CLOSED complaint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "illegal-status-transition", value = ILLEGAL_MOVE_EXAMPLE),
                    @ExampleObject(name = "complaint-not-resolved", value = NOT_RESOLVED_EXAMPLE) }))
    public Response patch(@PathParam("id") String id, JsonNode patch,
            @Parameter(description = "ETag the change is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.patch(QueryParams.pathId(id, "complaint"), patch, ifMatch));
    }

    private static Response ok(Complaint c) {
        return Response.ok(ComplaintResponse.of(c)).header("ETag", ETags.of(c.version)).build();
    }
}
