package io.clientbook.customer.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of customers as the contract describes it. Pages are written as JSON straight from their rows by
 * {@code CustomerRows}, which {@code CustomerRowsTest} holds to the JSON of {@link CustomerResponse}; this
 * record is their schema.
 */
@Schema(name = "CustomerPage")
public record CustomerPage(List<CustomerResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
