package io.clientbook.webhook.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;
import io.clientbook.webhook.NewWebhook;
import io.clientbook.webhook.Webhook;
import io.clientbook.webhook.WebhookDelivery;
import io.clientbook.webhook.WebhookService;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Feed events pushed to other services, signed, retried, at least once; admin only")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    static final String CREATE_DESCRIPTION = """
            Events of the chosen types are POSTed to the URL as JSON (the same object as an item of GET /events), \
            from the feed's current end on: events from before the creation are not sent (read them from the feed). \
            Headers: Clientbook-Event-Id (stable across retries: de-duplicate on it), Clientbook-Event-Type, \
            Clientbook-Delivery-Attempt, Clientbook-Timestamp (unix seconds) and Clientbook-Signature \
            `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the secret>`. \
            The secret is generated and answered once, here; store it. A 2xx answer delivers; 5xx, timeouts and \
            connection errors are retried with exponential back-off; any other answer (4xx, redirects) fails the \
            delivery at once. Delivery is at least once and not in feed order.""";
    private static final String EXAMPLE = """
            {"url": "https://shop.example.com/hooks/clientbook", "eventTypes": ["purchase.recorded", "customer.erased"],
             "description": "Shop: loyalty points"}""";

    @Inject
    WebhookService service;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Create a webhook", description = CREATE_DESCRIPTION)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewWebhook.class),
            examples = @ExampleObject(name = "webhook", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created, with the secret (shown this once); Location and ETag name it",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public Response create(NewWebhook body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/webhooks", body, () -> {
            WebhookService.Created created = service.create(body, caller.name());
            return Response.created(URI.create("/api/v1/webhooks/" + created.webhook().id))
                    .header("ETag", ETags.of(created.webhook().version))
                    .entity(WebhookResponse.of(created.webhook(), created.secret())).build();
        });
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks", description = "Oldest first; secrets are never listed.")
    @APIResponse(responseCode = "200", description = "A page of webhooks",
            content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    public WebhookPage list(
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<WebhookResponse> page = service.list(PageRequest.of(limit, cursor)).map(w -> WebhookResponse.of(w, null));
        return new WebhookPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The webhook; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public Response get(@PathParam("id") String id) {
        Webhook w = service.get(QueryParams.pathId(id, "webhook"));
        return Response.ok(WebhookResponse.of(w, null)).header("ETag", ETags.of(w.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "Nothing more is sent to it, attempts under way excepted; its delivery history goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id,
            @Parameter(description = "ETag the deletion is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        service.delete(QueryParams.pathId(id, "webhook"), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries",
            description = "Newest event first, each with its state, attempts and when the next one is due.")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage deliveries(@PathParam("id") String id,
            @QueryParam("state") @Parameter(description = "Only deliveries in this state",
                    schema = @Schema(implementation = WebhookDelivery.State.class)) String state,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<DeliveryResponse> page = service.deliveries(QueryParams.pathId(id, "webhook"),
                QueryParams.enumValue(WebhookDelivery.State.class, state, "state"), PageRequest.of(limit, cursor))
                .map(DeliveryResponse::of);
        return new DeliveryPage(page.items(), page.nextCursor());
    }
}
