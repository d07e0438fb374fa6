package io.clientbook.customer.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.MergePatch;
import io.clientbook.common.web.QueryParams;
import io.clientbook.customer.BuyingStage;
import io.clientbook.customer.Customer;
import io.clientbook.customer.CustomerErasure;
import io.clientbook.customer.CustomerFields;
import io.clientbook.customer.CustomerListQuery;
import io.clientbook.customer.CustomerService;
import io.clientbook.customer.CustomerSort;
import io.clientbook.customer.Tier;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;

@Path("/api/v1/customers")
@Tag(name = "Customers", description = "The customer file: identity, demographics, contacts and consent, needs and buying stage, tags")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private static final String EXAMPLE = """
            {"externalRef": "shop-10042", "firstName": "Mei", "lastName": "Chen", "email": "mei.chen@example.com",
             "phone": "+44 20 7946 0958", "gender": "FEMALE", "birthDate": "1988-04-12", "country": "GB",
             "region": "London", "city": "London", "occupation": "Architect", "preferredChannel": "EMAIL",
             "consent": {"EMAIL": {"granted": true}, "SMS": {"granted": false}}, "owner": "j.smith",
             "needOrientation": "SERVICE", "buyingStage": "INTERESTED", "tags": ["vip"], "notes": "Prefers mornings"}""";
    private static final String PATCH_EXAMPLE = """
            {"buyingStage": "NOT_NOW", "expectedPurchaseDate": "2027-03-01", "consent": {"SMS": {"granted": true}}, "notes": null}""";

    static final String MASKING = "For the analyst role e-mail and phone are masked and birthDate is null.";

    @Inject
    CustomerService service;
    @Inject
    CustomerPresenter presenter;
    @Inject
    CustomerErasure erasure;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Create a customer")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerFields.class),
            examples = @ExampleObject(name = "customer", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "externalRef is already used by another customer")
    public Response create(CustomerFields body,
            @Parameter(description = "Retries with the same key and body replay the first response")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/customers", body, () -> {
            Customer c = service.create(body);
            return Response.created(URI.create("/api/v1/customers/" + c.id)).header("ETag", ETags.of(c.version))
                    .entity(presenter.present(c)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "List customers", description = "Filtered and sorted, keyset-paged. Erased customers are not listed. "
            + MASKING)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    public Response list(
            @QueryParam("q") @Parameter(description = "Text in name, e-mail, phone or external ref (case-insensitive); "
                    + "for analysts in name and external ref only") String q,
            @QueryParam("tier") @Parameter(schema = @Schema(implementation = Tier.class)) String tier,
            @QueryParam("tag") @Parameter(description = "Has this tag") String tag,
            @QueryParam("region") String region,
            @QueryParam("buyingStage") @Parameter(schema = @Schema(implementation = BuyingStage.class)) String buyingStage,
            @QueryParam("owner") String owner,
            @QueryParam("sort") @Parameter(description = "createdAt (default), updatedAt, lastName, totalSpent or lastPurchaseAt; "
                    + "prefix '-' for descending", examples = @ExampleObject(name = "newest", value = "-createdAt")) String sort,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        boolean masked = presenter.masksContacts();
        CustomerListQuery query = new CustomerListQuery(QueryParams.text(q, "q", 100),
                QueryParams.enumValue(Tier.class, tier, "tier"), QueryParams.text(tag, "tag", 50),
                QueryParams.text(region, "region", 100), QueryParams.enumValue(BuyingStage.class, buyingStage, "buyingStage"),
                QueryParams.text(owner, "owner", 100), CustomerSort.Order.parse(sort), !masked);
        return presenter.page(service.list(query, PageRequest.of(limit, cursor), masked));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "Get a customer", description = "The read is recorded in the audit trail. 404 for an erased "
            + "customer. " + MASKING)
    @APIResponse(responseCode = "200", description = "The customer; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response get(@PathParam("id") String id) {
        return ok(service.read(QueryParams.pathId(id, "customer")));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a customer's personal data",
            description = "Irreversible; admin only. Clears names, contacts, birth date, demographics finer than the "
                    + "country, consent, owner, stage, tags, notes and the external ref, and replaces the free text of "
                    + "the customer's complaints, contact log and purchase voids by \"[erased]\". The anonymous skeleton "
                    + "stays (id, country, tier, RFM, stats, purchases with their amounts), so totals stay right. The customer is "
                    + "then found by no path (404), is in no list or search, and its old externalRef names nobody. "
                    + "Recorded in the audit trail and announced once; erasing again answers 204 and changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased (now or before)")
    public Response erase(@PathParam("id") String id,
            @Parameter(description = "ETag the erasure is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        erasure.erase(QueryParams.pathId(id, "customer"), ifMatch);
        return Response.noContent().build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "Change a customer (JSON Merge Patch)",
            description = "Members present are set, null clears, absent are kept; consent merges per channel. "
                    + "Read-only fields (id, tier, rfm, stats, createdAt, updatedAt) in the body are a 400.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = CustomerFields.class), examples = @ExampleObject(name = "patch", value = PATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The changed customer, with its new ETag",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "externalRef is already used by another customer")
    public Response patch(@PathParam("id") String id, JsonNode patch,
            @Parameter(description = "ETag the change is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.patch(QueryParams.pathId(id, "customer"), patch, ifMatch));
    }

    @GET
    @Path("/by-external-ref/{externalRef}")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Get a customer by the sending system's id",
            description = "The read is recorded in the audit trail. " + MASKING)
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response getByExternalRef(@PathParam("externalRef") String externalRef) {
        return ok(service.readByExternalRef(externalRef));
    }

    @PUT
    @Path("/by-external-ref/{externalRef}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Create or update a customer by external ref (upsert)",
            description = "Creates the customer if no customer has this externalRef (201), otherwise sets the fields "
                    + "present in the body (null clears; absent fields are kept) and answers 200. The body's externalRef, "
                    + "if given, must equal the path's. Concurrent upserts of one ref are serialised. An erased customer "
                    + "no longer has its externalRef, so its old ref creates a new, unrelated customer.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerFields.class),
            examples = @ExampleObject(name = "customer", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response upsert(@PathParam("externalRef") String externalRef, JsonNode body,
            @Parameter(description = "ETag the update is based on; 412 when stale") @HeaderParam("If-Match") String ifMatch) {
        CustomerService.Upserted result = service.upsertByExternalRef(externalRef, body, ifMatch);
        Customer c = result.customer();
        Response.ResponseBuilder builder = result.created()
                ? Response.created(URI.create("/api/v1/customers/" + c.id)) : Response.ok();
        return builder.header("ETag", ETags.of(c.version)).entity(presenter.present(c)).build();
    }

    private Response ok(Customer c) {
        return Response.ok(presenter.present(c)).header("ETag", ETags.of(c.version)).build();
    }
}
