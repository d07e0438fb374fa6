package io.clientbook.segment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The writable fields of a saved segment: the body of a create and of a replace (PUT). */
@Schema(name = "SegmentFields", description = "A named filter over the customer file")
public record SegmentFields(
        @NotBlank @Size(max = 100) @Schema(required = true, description = "Unique, ignoring case", examples = "VIP North at risk") String name,
        @Size(max = 1000) @Schema(examples = "Key customers in the North who have not bought for three months") String description,
        @NotNull @Schema(required = true, implementation = io.clientbook.segment.rest.FilterDocs.class) JsonNode filter,
        @Size(max = 100) @Schema(description = "The member of staff responsible; defaults to the caller's key name",
                examples = "j.smith") String owner) {
}
