package io.clientbook.segment.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.clientbook.segment.Segment;

@Schema(name = "Segment", description = "A saved, named filter; its members are computed afresh on every use")
public record SegmentResponse(
        @Schema(readOnly = true) UUID id,
        @Schema(examples = "VIP North at risk") String name,
        String description,
        @Schema(implementation = FilterDocs.class) JsonNode filter,
        @Schema(examples = "j.smith") String owner,
        @Schema(readOnly = true, description = "Name of the API key that created it") String createdBy,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt) {

    public static SegmentResponse of(Segment s, JsonNode filter) {
        return new SegmentResponse(s.id, s.name, s.description, filter, s.owner, s.createdBy, s.createdAt, s.updatedAt);
    }
}
