package io.clientbook.purchase.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.error.Problem;
import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.QueryParams;
import io.clientbook.purchase.BatchIngestGate;
import io.clientbook.purchase.PurchaseFields;
import io.clientbook.purchase.PurchaseService;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;

@Path("/api/v1/purchases")
@Tag(name = "Purchases", description = "Purchases reported by sales systems, idempotent by externalId; they feed each "
        + "customer's stats (purchaseCount, totalSpent, firstPurchaseAt, lastPurchaseAt), tiers and segments")
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseResource {

    private static final String EXAMPLE = """
            {"customerExternalRef": "shop-10042", "externalId": "order-2026-000184",
             "occurredAt": "2026-11-23T10:15:30+01:00", "amount": 129.90, "currency": "EUR",
             "product": "Espresso machine X2", "channel": "ONLINE"}""";
    private static final String BATCH_EXAMPLE = """
            {"purchases": [
              {"customerExternalRef": "shop-10042", "externalId": "order-2026-000184",
               "occurredAt": "2026-11-23T10:15:30+01:00", "amount": 129.90, "currency": "EUR",
               "product": "Espresso machine X2", "channel": "ONLINE"},
              {"customerId": "0b9f6c4e-5d1a-4a4a-9c9c-3f2d1e0a7b11", "externalId": "store-7-88412",
               "occurredAt": "2026-11-23T11:02:00Z", "amount": 4.5, "currency": "EUR", "product": "Descaler",
               "channel": "STORE"}]}""";
    private static final String BATCH_RESPONSE_EXAMPLE = """
            {"results": [
              {"index": 0, "status": "CREATED", "problem": null, "purchase": {"id": "5e0c7d0a-3b8e-4f7e-9a51-6d2b8f1c0e42",
               "customerId": "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "customerExternalRef": "shop-10042",
               "externalId": "order-2026-000184", "occurredAt": "2026-11-23T09:15:30Z", "amount": 129.90,
               "currency": "EUR", "product": "Espresso machine X2", "channel": "ONLINE", "status": "RECORDED",
               "voidedAt": null, "voidReason": null, "createdAt": "2026-11-23T09:15:31.204518Z"}},
              {"index": 1, "status": "ERROR", "purchase": null, "problem": {"type": "urn:clientbook:problem:unknown-customer",
               "title": "Unknown customer", "status": 422,
               "detail": "No customer with customerId '0b9f6c4e-5d1a-4a4a-9c9c-3f2d1e0a7b11'",
               "instance": "/api/v1/purchases/batch",
               "errors": [{"field": "purchases[1].customerId", "message": "names no customer"}]}}],
             "created": 1, "duplicates": 0, "errors": 1}""";

    private static final String INGEST_BUSY_EXAMPLE = """
            {"type": "urn:clientbook:problem:ingest-busy", "title": "Service busy", "status": 503,
             "detail": "Too many purchase batches are being stored at once; retry shortly",
             "instance": "/api/v1/purchases/batch"}""";

    private static final String CONFLICT_EXAMPLE = """
            {"type": "urn:clientbook:problem:purchase-conflict", "title": "Purchase conflicts with a stored one",
             "status": 409, "detail": "externalId 'order-2026-000184' is already recorded with a different amount; send a new externalId for a new purchase",
             "instance": "/api/v1/purchases",
             "errors": [{"field": "amount", "message": "differs from the stored purchase (129.90)"}],
             "existingId": "5e0c7d0a-3b8e-4f7e-9a51-6d2b8f1c0e42"}""";

    @Inject
    PurchaseService service;
    @Inject
    BatchIngestGate gate;
    @Inject
    PurchaseBatchReader batchReader;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Record a purchase",
            description = "Names the customer by customerId or customerExternalRef (exactly one). Idempotent by "
                    + "externalId: the first time answers 201; re-sending the same purchase (same customer, occurredAt, "
                    + "amount, currency, product, channel) answers 200 with the stored one, also when it was voided "
                    + "since; the same externalId with other content is a 409 naming what differs. The customer's stats "
                    + "change in the same transaction.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PurchaseFields.class),
            examples = @ExampleObject(name = "purchase", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; Location and ETag name the new purchase",
            content = @Content(schema = @Schema(implementation = PurchaseResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with the same content: the stored purchase",
            content = @Content(schema = @Schema(implementation = PurchaseResponse.class)))
    @APIResponse(responseCode = "409", description = "externalId is already recorded with different content; "
            + "`errors[]` names each differing field with the stored value, `existingId` the stored purchase",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "purchase-conflict", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "The currency is not the deployment's (`currency-not-accepted`), "
            + "the customer is unknown (`unknown-customer`) or erased (`customer-erased`), or the Idempotency-Key was "
            + "used before for a different request (`idempotency-key-reused`)")
    public Response record(PurchaseFields body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/purchases", body, () -> {
            PurchaseService.ItemResult result = service.record(body);
            PurchaseService.Recorded recorded = result.recorded();
            Response.ResponseBuilder builder = result.outcome() == PurchaseService.Outcome.CREATED
                    ? Response.created(URI.create("/api/v1/purchases/" + recorded.purchase().id))
                    : Response.ok();
            return builder.header("ETag", ETags.of(recorded.purchase().version))
                    .entity(PurchaseResponse.of(recorded)).build();
        });
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Record up to 1,000 purchases",
            description = "Each item is handled like POST /purchases on its own: the answer is 200 with one result per "
                    + "item, in order: CREATED, DUPLICATE (already recorded with the same content) or ERROR with its "
                    + "problem (400 invalid or unreadable, 409 conflicting externalId, 422 currency or customer), fields "
                    + "named as `purchases[i].field`. A bad item never keeps the others from being stored; two items "
                    + "with one externalId are a duplicate when equal and a conflict otherwise. Only a body that is not "
                    + "a batch at all (malformed JSON, no `purchases`, none or more than 1,000 items) is a 400.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PurchaseBatchRequest.class),
            examples = @ExampleObject(name = "batch", value = BATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = PurchaseBatchResponse.class),
                    examples = @ExampleObject(name = "results", value = BATCH_RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request")
    @APIResponse(responseCode = "503", description = "More batches than this instance stores at once "
            + "(`clientbook.purchases.batch-concurrency`) were waiting longer than `batch-wait` (`ingest-busy`), or "
            + "the database is busy or unreachable; nothing was stored, retry after `Retry-After` seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "ingest-busy", value = INGEST_BUSY_EXAMPLE)))
    public Response recordBatch(InputStream body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @Context UriInfo uri) throws IOException {
        try (BatchIngestGate.Turn turn = gate.enter()) {
            PurchaseBatchReader.Batch batch = batchReader.read(body, idempotencyKey != null);
            return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/purchases/batch", batch.body(),
                    () -> Response.ok(PurchaseBatchResponse.of(service.recordBatch(batch.items()), uri.getPath())).build());
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Get a purchase")
    @APIResponse(responseCode = "200", description = "The purchase; ETag for If-Match on void",
            content = @Content(schema = @Schema(implementation = PurchaseResponse.class)))
    public Response get(@PathParam("id") String id) {
        return ok(service.get(QueryParams.pathId(id, "purchase")));
    }

    @POST
    @Path("/{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Void a purchase",
            description = "Marks the purchase VOID (a refund or a mistake): it stops counting in the customer's stats, "
                    + "which change in the same transaction. The body is optional. Voiding a VOID purchase answers it "
                    + "unchanged (200), whatever If-Match says: what was asked has already happened.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = VoidRequest.class),
            examples = @ExampleObject(name = "void", value = "{\"reason\": \"Refunded: item returned\"}")))
    @APIResponse(responseCode = "200", description = "The void purchase, with its new ETag",
            content = @Content(schema = @Schema(implementation = PurchaseResponse.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the purchase's current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response voidPurchase(@PathParam("id") String id, @Valid VoidRequest body,
            @Parameter(description = "ETag the void is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.voidPurchase(QueryParams.pathId(id, "purchase"), body == null ? null : body.cleanReason(),
                ifMatch));
    }

    private static Response ok(PurchaseService.Recorded recorded) {
        return Response.ok(PurchaseResponse.of(recorded)).header("ETag", ETags.of(recorded.purchase().version)).build();
    }
}
