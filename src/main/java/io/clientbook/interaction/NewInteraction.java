package io.clientbook.interaction;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;

/** The body of {@code POST /customers/{id}/interactions}: one contact with the customer. */
@Schema(name = "NewInteraction", description = "One contact with the customer, for the contact log")
public record NewInteraction(
        @NotNull @Schema(required = true) ContactChannel channel,
        @NotNull @Schema(required = true) Direction direction,
        @Schema(description = "When the contact happened; defaults to now; not more than 5 minutes in the future",
                examples = "2026-11-23T10:15:30Z") Instant occurredAt,
        @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Called about the damaged parcel; replacement agreed")
        String summary,
        @Size(max = 1000) @Schema(description = "What came of it", examples = "Customer satisfied; survey in a week") String outcome) {

    /** Trimmed, blank strings as absent. */
    public NewInteraction normalized() {
        return new NewInteraction(channel, direction, occurredAt, clean(summary), clean(outcome));
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
