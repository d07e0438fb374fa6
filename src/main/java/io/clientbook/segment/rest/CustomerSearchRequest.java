package io.clientbook.segment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /customers/search}. */
@Schema(name = "CustomerSearch", description = "A filter, a sort and a page position")
public record CustomerSearchRequest(
        @Schema(implementation = FilterDocs.class, description = "The filter; absent or null: every customer") JsonNode filter,
        @Schema(description = "createdAt (default), updatedAt, lastName, totalSpent or lastPurchaseAt; '-' in front for descending. "
                + "Ties are broken by id, so paging is stable.", examples = "-totalSpent") String sort,
        @Schema(description = "1–200, default 50", examples = "50") Integer limit,
        @Schema(description = "nextCursor of the previous page (with the same filter and sort)") String cursor) {
}
