package io.clientbook.purchase.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.purchase.Purchase;
import io.clientbook.purchase.PurchaseService;
import io.clientbook.purchase.PurchaseStatus;

/** A purchase as clients read it. */
@Schema(name = "Purchase")
public record PurchaseResponse(
        @Schema(readOnly = true) UUID id,
        UUID customerId,
        @Schema(description = "The customer's externalRef, if it has one") String customerExternalRef,
        @Schema(description = "The order id in the sending system", examples = "order-2026-000184") String externalId,
        @Schema(examples = "2026-11-23T09:15:30Z") Instant occurredAt,
        @Schema(description = "Always with 2 decimals", examples = "129.90") BigDecimal amount,
        @Schema(examples = "EUR") String currency,
        String product,
        String channel,
        @Schema(readOnly = true, description = "RECORDED counts in the customer's stats; VOID no longer does")
        PurchaseStatus status,
        @Schema(readOnly = true, description = "When it was voided; null unless VOID") Instant voidedAt,
        @Schema(readOnly = true, description = "Why it was voided, if a reason was given") String voidReason,
        @Schema(readOnly = true) Instant createdAt) {

    public static PurchaseResponse of(PurchaseService.Recorded recorded) {
        Purchase p = recorded.purchase();
        return new PurchaseResponse(p.id, p.customerId, recorded.customerExternalRef(), p.externalId, p.occurredAt,
                p.amount, p.currency, p.product, p.channel, p.status(), p.voidedAt, p.voidReason, p.createdAt);
    }
}
