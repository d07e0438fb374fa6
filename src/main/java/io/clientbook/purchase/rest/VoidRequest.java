package io.clientbook.purchase.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a void. */
@Schema(name = "VoidRequest")
public record VoidRequest(
        @Size(max = 500) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
        @Schema(description = "Why the purchase no longer counts", examples = "Refunded: item returned")
        String reason) {

    /** The reason trimmed, blank as none. */
    public String cleanReason() {
        return reason == null || reason.isBlank() ? null : reason.trim();
    }
}
