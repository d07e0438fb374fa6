package io.clientbook.interaction.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.QueryParams;
import io.clientbook.customer.ContactChannel;
import io.clientbook.interaction.Direction;
import io.clientbook.interaction.Interaction;
import io.clientbook.interaction.InteractionService;
import io.clientbook.interaction.NewInteraction;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;

/** A customer's contact log, a sub-resource of the customer file. */
@Path("/api/v1/customers/{customerId}/interactions")
@Tag(name = "Contact log", description = "Every call, message, visit or survey with a customer, and its outcome; append-only")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    private static final String EXAMPLE = """
            {"channel": "PHONE", "direction": "OUTBOUND", "occurredAt": "2026-11-23T10:15:30Z",
             "summary": "Called about the damaged parcel; replacement agreed", "outcome": "Customer satisfied; survey in a week"}""";

    @Inject
    InteractionService service;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(operationId = "createInteraction", summary = "Log a contact with a customer",
            description = "occurredAt defaults to now; recordedBy is the name of the calling API key.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewInteraction.class),
            examples = @ExampleObject(name = "call", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Logged; Location and ETag name the new entry",
            content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
    public Response create(@PathParam("customerId") String customerId, NewInteraction body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        UUID customer = QueryParams.pathId(customerId, "customer");
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/customers/" + customer + "/interactions",
                body, () -> {
                    Interaction i = service.create(customer, body, caller.name());
                    return Response.created(URI.create("/api/v1/customers/" + customer + "/interactions/" + i.id))
                            .header("ETag", ETags.of(i.version)).entity(InteractionResponse.of(i)).build();
                });
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "listInteractions", summary = "List a customer's contact log", description = "Newest first (by occurredAt), keyset-paged.")
    @APIResponse(responseCode = "200", description = "A page of the contact log",
            content = @Content(schema = @Schema(implementation = InteractionPage.class)))
    public InteractionPage list(@PathParam("customerId") String customerId,
            @QueryParam("channel") @Parameter(schema = @Schema(implementation = ContactChannel.class)) String channel,
            @QueryParam("direction") @Parameter(schema = @Schema(implementation = Direction.class)) String direction,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<InteractionResponse> page = service.list(QueryParams.pathId(customerId, "customer"),
                QueryParams.enumValue(ContactChannel.class, channel, "channel"),
                QueryParams.enumValue(Direction.class, direction, "direction"), PageRequest.of(limit, cursor))
                .map(InteractionResponse::of);
        return new InteractionPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{interactionId}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(operationId = "getInteraction", summary = "Get an entry of a customer's contact log")
    @APIResponse(responseCode = "200", description = "The entry, with its ETag",
            content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
    public Response get(@PathParam("customerId") String customerId, @PathParam("interactionId") String interactionId) {
        Interaction i = service.get(QueryParams.pathId(customerId, "customer"),
                QueryParams.pathId(interactionId, "interaction"));
        return Response.ok(InteractionResponse.of(i)).header("ETag", ETags.of(i.version)).build();
    }
}
