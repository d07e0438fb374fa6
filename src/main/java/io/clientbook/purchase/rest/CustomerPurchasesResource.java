package io.clientbook.purchase.rest;

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

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.QueryParams;
import io.clientbook.purchase.PurchaseService;
import io.clientbook.security.Roles;

/** A customer's purchases: the purchases sub-resource of the customer file, served by the purchase capability. */
@Path("/api/v1/customers/{customerId}/purchases")
@Tag(name = "Purchases")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPurchasesResource {

    @Inject
    PurchaseService service;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "List a customer's purchases", description = "Newest occurredAt first, keyset-paged.")
    @APIResponse(responseCode = "200", description = "A page of purchases",
            content = @Content(schema = @Schema(implementation = PurchasePage.class)))
    public PurchasePage list(@PathParam("customerId") String customerId,
            @QueryParam("includeVoid") @Parameter(description = "Also list VOID purchases (default true)",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) String includeVoid,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<PurchaseResponse> page = service.listForCustomer(QueryParams.pathId(customerId, "customer"),
                flag(includeVoid, "includeVoid", true), PageRequest.of(limit, cursor)).map(PurchaseResponse::of);
        return new PurchasePage(page.items(), page.nextCursor());
    }

    private static boolean flag(String value, String name, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.validation(name, "must be true or false");
        };
    }
}
