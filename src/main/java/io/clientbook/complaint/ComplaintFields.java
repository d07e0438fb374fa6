package io.clientbook.complaint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;

/**
 * The fields of a complaint a PATCH may change: the target a merge patch is applied to. Which
 * combinations are legal for which status is {@link ComplaintWorkflow}'s business. Nothing is
 * required in a patch ({@code required = false} keeps the not-null checks out of the documented
 * schema); subject, severity and status just cannot be cleared.
 */
@Schema(name = "ComplaintFields", description = "The changeable fields of a complaint (JSON Merge Patch: members present are set, "
        + "null clears, absent are kept)")
public record ComplaintFields(
        @NotBlank @Size(max = 200) @Schema(required = false, description = "Cannot be cleared",
                examples = "Parcel arrived damaged") String subject,
        @Size(max = 4000) String description,
        @NotNull @Schema(required = false, description = "Cannot be cleared") Severity severity,
        ContactChannel channel,
        @NotNull @Schema(required = false, description = "OPEN → IN_PROGRESS → RESOLVED → CLOSED; RESOLVED → IN_PROGRESS reopens")
        ComplaintStatus status,
        @Size(max = 4000) @Schema(description = "How it was solved; required from RESOLVED on",
                examples = "Replacement sent by express; courier claim filed") String resolution,
        @Min(value = 1, message = "must be from 1 to 5") @Max(value = 5, message = "must be from 1 to 5")
        @Schema(description = "The customer's feedback 1–5; only once RESOLVED or CLOSED", examples = "4")
        Integer satisfaction) {

    public static ComplaintFields of(Complaint c) {
        return new ComplaintFields(c.subject, c.description, c.severity, c.channel, c.status, c.resolution,
                c.satisfaction == null ? null : c.satisfaction.intValue());
    }

    /** Trimmed, blank strings as absent. */
    public ComplaintFields normalized() {
        return new ComplaintFields(Texts.clean(subject), Texts.clean(description), severity, channel, status,
                Texts.clean(resolution), satisfaction);
    }

    public ComplaintFields withSatisfaction(Integer value) {
        return new ComplaintFields(subject, description, severity, channel, status, resolution, value);
    }
}
