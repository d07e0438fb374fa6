package io.clientbook.segment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.customer.CustomerSort;
import io.clientbook.customer.rest.CustomerPage;
import io.clientbook.customer.rest.CustomerPresenter;
import io.clientbook.security.Roles;
import io.clientbook.segment.SegmentService;

@Path("/api/v1/customers")
@Tag(name = "Segments", description = "Find, count, save and export groups of customers with the filter language")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerSearchResource {

    @Inject
    SegmentService service;
    @Inject
    CustomerPresenter presenter;

    @POST
    @Path("/search")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Search customers with a filter",
            description = "A keyset page of the customers matching the filter (see the SegmentFilter schema for the grammar), "
                    + "sorted stably by the sort field and then id. No cap on how far the cursor goes. Analysts get masked "
                    + "contact data. A bad filter is a 400 whose errors[].field points at the node, e.g. filter.and[2].value.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerSearchRequest.class), examples = {
            @ExampleObject(name = "field condition", summary = "tier A or B, biggest spenders first", value = FilterDocs.EX_FIELD),
            @ExampleObject(name = "and", summary = "tier A in a region, with a purchase in the last 90 days", value = FilterDocs.EX_AND),
            @ExampleObject(name = "or / not", summary = "at-risk RFM segments, or no purchase for a year", value = FilterDocs.EX_OR_NOT),
            @ExampleObject(name = "birthday", summary = "birthday within 7 days and consent to SMS", value = FilterDocs.EX_BIRTHDAY),
            @ExampleObject(name = "purchase count", summary = "bought a product at least twice in 90 days", value = FilterDocs.EX_PURCHASES),
            @ExampleObject(name = "purchase sum", summary = "spent 100–1000 online in a year", value = FilterDocs.EX_SUM),
            @ExampleObject(name = "complaints", summary = "an open complaint, or two in 30 days", value = FilterDocs.EX_COMPLAINTS),
            @ExampleObject(name = "no contact", summary = "no interaction in 30 days and tagged vip", value = FilterDocs.EX_QUIET),
            @ExampleObject(name = "attributes", summary = "age band, gender, occupation, need orientation", value = FilterDocs.EX_ATTRIBUTES),
            @ExampleObject(name = "buying stage", summary = "not now, expected purchase within two weeks", value = FilterDocs.EX_STAGE) }))
    @APIResponse(responseCode = "200", description = "A page of customers",
            content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    public Response search(CustomerSearchRequest body) {
        if (body == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        PageRequest page = PageRequest.of(body.limit() == null ? null : body.limit().toString(), body.cursor());
        return presenter.page(service.search(body.filter(), CustomerSort.Order.parse(body.sort()), page,
                presenter.masksContacts()));
    }

    @POST
    @Path("/count")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Count customers matching a filter",
            description = "The number of customers the filter selects now (see the SegmentFilter schema); erased customers never count.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CustomerCountRequest.class), examples = {
            @ExampleObject(name = "and", summary = "tier A in a region, with a purchase in the last 90 days", value = FilterDocs.EX_AND),
            @ExampleObject(name = "purchase count", summary = "bought a product at least twice in 90 days", value = FilterDocs.EX_PURCHASES),
            @ExampleObject(name = "no contact", summary = "no interaction in 30 days and tagged vip", value = FilterDocs.EX_QUIET) }))
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = CountResponse.class)))
    public CountResponse count(CustomerCountRequest body) {
        if (body == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        return new CountResponse(service.count(body.filter()));
    }
}
