package io.clientbook.customer;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Consent to be contacted on one channel; {@code at} defaults to the time of the write. Written in
 * alphabetical order, as customer pages write it ({@link CustomerRows}).
 */
@Schema(name = "Consent")
@JsonPropertyOrder(alphabetic = true)
public record Consent(
        @NotNull @Schema(required = true) Boolean granted,
        @Schema(description = "When consent was given or withdrawn; defaults to the time of the write",
                examples = "2026-11-23T10:15:30Z") Instant at) {
}
