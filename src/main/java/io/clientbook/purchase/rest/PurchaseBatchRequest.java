package io.clientbook.purchase.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.purchase.PurchaseFields;

/**
 * The body of {@code POST /purchases/batch}, for the contract only: the body is read item by item
 * ({@link PurchaseBatchReader}) so that one unreadable item does not fail the others.
 */
@Schema(name = "PurchaseBatchRequest")
public record PurchaseBatchRequest(
        @Schema(required = true, minItems = 1, maxItems = 1000) List<PurchaseFields> purchases) {
}
