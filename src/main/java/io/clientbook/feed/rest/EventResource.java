package io.clientbook.feed.rest;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.QueryParams;
import io.clientbook.feed.EventFeed;
import io.clientbook.feed.FeedEventTypes;
import io.clientbook.feed.FeedPosition;
import io.clientbook.security.Roles;

@Path("/api/v1/events")
@Tag(name = "Events", description = "The ordered feed of what happened to customer files, for other services")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final String DESCRIPTION = """
            Events in one total order. A reader that starts without `after` and then always passes the \
            `nextCursor` it got sees every committed event exactly once and in the same order as every \
            other reader, even while transactions commit out of order; a change that rolled back leaves no \
            event. An event appears once its transaction and every older writing transaction have finished, \
            usually within milliseconds. When nothing is new the page is empty and `nextCursor` is the \
            `after` given: poll again with it. Event data never holds personal data (names, e-mail, phone, \
            birth date, free text), so it is the same for every role, analysts included. Types: \
            customer.created {}, customer.updated {changedFields}, customer.erased {erasedAt}, \
            purchase.recorded {purchaseId, externalId, occurredAt, amount, currency, product, channel}, \
            purchase.voided (the same and voidedAt), complaint.opened {complaintId, status, severity, channel, openedAt}, \
            complaint.updated {complaintId, status, severity, channel, changedFields}, \
            complaint.resolved {complaintId, status, severity, channel, resolvedAt}, \
            interaction.logged {interactionId, channel, direction, occurredAt}; task.created, task.completed and \
            tier.changed come with the capabilities that make them.""";

    @Inject
    EventFeed feed;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION, Roles.ANALYST })
    @Operation(operationId = "listEvents", summary = "Read the event feed", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of events (possibly empty) and where to continue",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    public EventPage list(
            @QueryParam("after") @Parameter(description = "The nextCursor of the previous page; leave out to start at the beginning")
            String after,
            @QueryParam("types") @Parameter(description = "Only these types, comma-separated, e.g. purchase.recorded,purchase.voided")
            String types,
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER))
            String limit) {
        PageRequest page = PageRequest.of(limit, null);
        FeedPosition position = FeedPosition.decode(after, "after");
        EventFeed.FeedPage result = feed.read(position, parseTypes(types), page.limit());
        return new EventPage(result.events().stream().map(EventResponse::of).toList(), result.next().encode());
    }

    static Set<String> parseTypes(String types) {
        // Before trimming, which would quietly drop a NUL and read "\0" as "no types".
        QueryParams.requireStorable(types, "types");
        Set<String> parsed = new LinkedHashSet<>();
        if (types == null || types.isBlank()) {
            return parsed;
        }
        for (String type : types.split(",")) {
            String t = type.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!FeedEventTypes.isKnown(t)) {
                throw ApiProblem.validation("types", "'" + t + "' is not an event type; known: " + FeedEventTypes.ALL);
            }
            parsed.add(t);
        }
        return parsed;
    }
}
