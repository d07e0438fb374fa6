package io.clientbook.purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


import io.clientbook.common.error.FieldError;

/**
 * A purchase as a sending system reports it: the body of {@code POST /purchases} and each item of
 * a batch. The customer is named by exactly one of {@code customerId} and {@code customerExternalRef}.
 */
@Schema(name = "PurchaseFields", description = "A purchase as the sending system reports it")
public record PurchaseFields(
        @Schema(description = "The customer's id; give this or customerExternalRef",
                examples = "0b9f6c4e-5d1a-4a4a-9c9c-3f2d1e0a7b11") UUID customerId,
        @Size(max = 100)
        @Schema(description = "The customer's externalRef; give this or customerId", examples = "shop-10042")
        String customerExternalRef,
        @NotNull(message = "is required") @Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARS, message = NO_CONTROL_CHARS_MESSAGE)
        @Schema(description = "The order id in the sending system; unique. Re-sending the same purchase answers the stored one",
                examples = "order-2026-000184", maxLength = 100) String externalId,
        @NotNull(message = "is required")
        @Schema(description = "When the purchase happened, with offset; at most 5 minutes in the future",
                examples = "2026-11-23T10:15:30+01:00") OffsetDateTime occurredAt,
        @NotNull(message = "is required") @DecimalMin("0") @DecimalMax(MAX_AMOUNT)
        @Digits(integer = 20, fraction = 2, message = "must have at most 2 decimals")
        @Schema(description = "JSON number, at most 2 decimals, 0 to " + MAX_AMOUNT, examples = "129.90",
                minimum = "0", maximum = MAX_AMOUNT) BigDecimal amount,
        @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code, e.g. EUR")
        @Schema(description = "ISO 4217; must be the currency of this deployment", examples = "EUR") String currency,
        @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARS, message = NO_CONTROL_CHARS_MESSAGE)
        @Schema(examples = "Espresso machine X2") String product,
        @Size(max = 50) @Pattern(regexp = NO_CONTROL_CHARS, message = NO_CONTROL_CHARS_MESSAGE)
        @Schema(description = "Where it was bought, free text", examples = "ONLINE") String channel) {

    public static final String MAX_AMOUNT = "99999999.99";
    /** PostgreSQL text cannot hold NUL, and line breaks have no place in ids and names. */
    static final String NO_CONTROL_CHARS = "[^\\p{Cntrl}]*";
    static final String NO_CONTROL_CHARS_MESSAGE = "must not contain control characters";
    /** Clocks of sending systems drift; a purchase further ahead than this is a mistake. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /**
     * Trimmed, blank strings as absent, the amount without insignificant zeros (so {@code 12.500}
     * passes the 2-decimals rule) and the time cut to the microseconds the database keeps.
     */
    public PurchaseFields normalized() {
        BigDecimal cleanAmount = amount;
        if (cleanAmount != null) {
            cleanAmount = cleanAmount.stripTrailingZeros();
            if (cleanAmount.scale() < 0) {
                cleanAmount = cleanAmount.setScale(0, RoundingMode.UNNECESSARY);
            }
        }
        OffsetDateTime cleanTime = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS);
        return new PurchaseFields(customerId, clean(customerExternalRef), clean(externalId), cleanTime, cleanAmount,
                clean(currency), clean(product), clean(channel));
    }

    /** Rules Bean Validation cannot say: exactly one way to name the customer, a plausible time. */
    public List<FieldError> crossFieldErrors(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (customerId == null && customerExternalRef == null) {
            errors.add(new FieldError("customerId", "is required (or give customerExternalRef instead)"));
        } else if (customerId != null && customerExternalRef != null) {
            errors.add(new FieldError("customerId", "give either customerId or customerExternalRef, not both"));
        }
        if (occurredAt != null) {
            Instant at = occurredAt.toInstant();
            if (at.isAfter(now.plus(MAX_FUTURE))) {
                errors.add(new FieldError("occurredAt", "must not be more than " + MAX_FUTURE.toMinutes()
                        + " minutes in the future"));
            } else if (at.isBefore(EARLIEST)) {
                errors.add(new FieldError("occurredAt", "must not be before " + EARLIEST));
            }
        }
        return errors;
    }

    /** The comparable content, once the customer is resolved to its id. */
    public PurchaseContent content(UUID resolvedCustomerId) {
        return new PurchaseContent(resolvedCustomerId, occurredAt.toInstant(), amount.setScale(2, RoundingMode.UNNECESSARY),
                currency, product, channel);
    }

    /** The request field that names the customer, for problems about the customer. */
    public String customerField() {
        return customerId != null ? "customerId" : "customerExternalRef";
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
