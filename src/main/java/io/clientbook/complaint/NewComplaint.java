package io.clientbook.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;

/** The body of {@code POST /complaints}: a complaint as it is recorded. It always starts OPEN. */
@Schema(name = "NewComplaint", description = "A complaint as it is recorded; it starts OPEN")
public record NewComplaint(
        @NotNull @Schema(required = true, description = "The customer who complains; must exist and not be erased")
        UUID customerId,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Parcel arrived damaged") String subject,
        @Size(max = 4000) @Schema(examples = "The box was crushed and the vase inside is broken.") String description,
        @NotNull @Schema(required = true) Severity severity,
        @Schema(description = "How the complaint reached us") ContactChannel channel,
        @Schema(description = "When the customer complained; defaults to now; not in the future (5 minutes of clock skew are allowed)",
                examples = "2026-11-23T10:15:30Z") Instant openedAt) {

    /** Trimmed, blank strings as absent. */
    public NewComplaint normalized() {
        return new NewComplaint(customerId, Texts.clean(subject), Texts.clean(description), severity, channel, openedAt);
    }
}
