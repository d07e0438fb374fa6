package io.clientbook.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a purchase says, as far as re-sends are concerned: the same {@code externalId} with equal
 * content is a duplicate, with different content a conflict. Values are the normalised ones
 * (amount with scale 2, time in microseconds), so the comparison is plain equality per field.
 */
public record PurchaseContent(UUID customerId, Instant occurredAt, BigDecimal amount, String currency, String product,
        String channel) {

    public static PurchaseContent of(Purchase p) {
        return new PurchaseContent(p.customerId, p.occurredAt, p.amount, p.currency, p.product, p.channel);
    }

    /**
     * The fields in which this (incoming) content differs from {@code stored}, each with the stored
     * value as text ({@code null} when the stored purchase has none); empty when they are the same.
     * Field names are those of the request; the customer is reported as {@code customerId}.
     */
    public Map<String, String> differencesFrom(PurchaseContent stored) {
        Map<String, String> differences = new LinkedHashMap<>();
        if (!Objects.equals(customerId, stored.customerId)) {
            differences.put("customerId", text(stored.customerId));
        }
        if (!Objects.equals(occurredAt, stored.occurredAt)) {
            differences.put("occurredAt", text(stored.occurredAt));
        }
        // compareTo, not equals: 12.5 and 12.50 are the same amount.
        if (amount == null || stored.amount == null ? amount != stored.amount : amount.compareTo(stored.amount) != 0) {
            differences.put("amount", stored.amount == null ? null : stored.amount.toPlainString());
        }
        if (!Objects.equals(currency, stored.currency)) {
            differences.put("currency", stored.currency);
        }
        if (!Objects.equals(product, stored.product)) {
            differences.put("product", stored.product);
        }
        if (!Objects.equals(channel, stored.channel)) {
            differences.put("channel", stored.channel);
        }
        return differences;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
