package io.clientbook.segment.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.QueryParams;
import io.clientbook.customer.rest.CustomerPage;
import io.clientbook.customer.rest.CustomerPresenter;
import io.clientbook.security.Caller;
import io.clientbook.security.ContactMasking;
import io.clientbook.security.Roles;
import io.clientbook.segment.CompiledFilter;
import io.clientbook.segment.Segment;
import io.clientbook.segment.SegmentConfig;
import io.clientbook.segment.SegmentFields;
import io.clientbook.segment.SegmentQueries;
import io.clientbook.segment.SegmentService;

@Path("/api/v1/segments")
@Tag(name = "Segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private static final String EXAMPLE = """
            {"name": "VIP North at risk", "description": "Key customers in the North without a purchase for 90 days",
             "filter": {"and": [{"field": "tier", "op": "eq", "value": "A"}, {"field": "region", "op": "eq", "value": "North"},
             {"not": {"purchases": {"withinDays": 90}}}]}, "owner": "j.smith"}""";
    private static final String READERS_NOTE = " Members are computed now from the stored filter; relative times are relative to now.";

    @Inject
    SegmentService service;
    @Inject
    SegmentQueries queries;
    @Inject
    SegmentConfig config;
    @Inject
    CustomerPresenter presenter;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Save a segment", description = "The filter is validated on save (a bad one is a 400 pointing at the node). "
            + "Names are unique ignoring case (409). The owner defaults to the caller's key name.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SegmentFields.class),
            examples = @ExampleObject(name = "segment", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = SegmentResponse.class)))
    @APIResponse(responseCode = "409", description = "Another segment has this name")
    public Response create(SegmentFields body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/segments", body, () -> {
            Segment s = service.create(body, caller.name());
            return Response.created(URI.create("/api/v1/segments/" + s.id)).header("ETag", ETags.of(s.version))
                    .entity(SegmentResponse.of(s, service.filterOf(s))).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "List saved segments", description = "In creation order, keyset-paged.")
    public SegmentPage list(
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<SegmentResponse> page = service.list(PageRequest.of(limit, cursor)).map(s -> SegmentResponse.of(s, service.filterOf(s)));
        return new SegmentPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Get a saved segment")
    @APIResponse(responseCode = "200", description = "The segment; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = SegmentResponse.class)))
    public Response get(@PathParam("id") String id) {
        return ok(service.get(segmentId(id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Replace a saved segment", description = "Sets name, description, filter and owner (absent description or owner: "
            + "cleared, owner back to the caller). The filter is validated.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SegmentFields.class),
            examples = @ExampleObject(name = "segment", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The replaced segment, with its new ETag",
            content = @Content(schema = @Schema(implementation = SegmentResponse.class)))
    @APIResponse(responseCode = "409", description = "Another segment has this name")
    public Response replace(@PathParam("id") String id, SegmentFields body,
            @Parameter(description = "ETag the change is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.replace(segmentId(id), body, ifMatch, caller.name()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Delete a saved segment")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id,
            @Parameter(description = "ETag the deletion is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        service.delete(segmentId(id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/customers")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "List a segment's members", description = "Oldest customer first, keyset-paged. Analysts get masked contact data."
            + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "A page of members", content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    public Response members(@PathParam("id") String id,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return presenter.page(service.members(segmentId(id), PageRequest.of(limit, cursor), presenter.masksContacts()));
    }

    @GET
    @Path("/{id}/stats")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Count a segment and break it down", description = "Members now, and how many per tier, RFM segment, region "
            + "and buying stage (null: not set), largest first." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The stats", content = @Content(schema = @Schema(implementation = SegmentStatsResponse.class)))
    public SegmentStatsResponse stats(@PathParam("id") String id) {
        return SegmentStatsResponse.of(service.stats(segmentId(id)));
    }

    @GET
    @Path("/{id}/export")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Export a segment's members as CSV", description = "Every member, oldest first, streamed as RFC 4180 CSV "
            + "(UTF-8, header row, CRLF) straight from a database cursor: no size limit, memory does not grow with the segment. "
            + "Columns: " + "id, externalRef, firstName, lastName, email, phone, gender, birthDate, country, region, city, occupation, "
            + "preferredChannel, consentedChannels (';'-separated), owner, needOrientation, buyingStage, expectedPurchaseDate, "
            + "notBuyingReason, tags (';'-separated), notes, tier, rfmRecency, rfmFrequency, rfmMonetary, rfmSegment, purchaseCount, "
            + "totalSpent, firstPurchaseAt, lastPurchaseAt, createdAt, updatedAt. Analysts get e-mail and phone masked and no birth date. "
            + "Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, unless it is a plain number or "
            + "phone number) is prefixed with an apostrophe; machine consumers wanting raw values use GET /segments/{id}/customers."
            + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = "id,externalRef,firstName,...\r\n"
                    + "0b9f6c4e-1111-4a4a-9c9c-000000000000,shop-10042,Mei,...\r\n")))
    public Response export(@PathParam("id") String id) {
        UUID segmentId = segmentId(id);
        // Resolved before the first byte: a missing segment is still a 404, not a broken stream.
        CompiledFilter members = service.memberCondition(segmentId);
        service.recordExport(segmentId);
        boolean mask = ContactMasking.appliesTo(caller);
        int fetchSize = config.exportFetchSize();
        StreamingOutput body = out -> {
            try (SegmentCsv csv = new SegmentCsv(out, mask)) {
                queries.export(members, fetchSize, csv::write);
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"segment-" + segmentId + ".csv\"").build();
    }

    private Response ok(Segment s) {
        return Response.ok(SegmentResponse.of(s, service.filterOf(s))).header("ETag", ETags.of(s.version)).build();
    }

    private static UUID segmentId(String id) {
        return QueryParams.pathId(id, "segment");
    }
}
