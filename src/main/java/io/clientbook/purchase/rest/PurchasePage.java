package io.clientbook.purchase.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurchasePage")
public record PurchasePage(List<PurchaseResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
