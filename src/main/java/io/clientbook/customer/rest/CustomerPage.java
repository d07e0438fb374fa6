package io.clientbook.customer.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerPage")
public record CustomerPage(List<CustomerResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
