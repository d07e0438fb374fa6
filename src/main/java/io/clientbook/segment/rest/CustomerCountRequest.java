package io.clientbook.segment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /customers/count}. */
@Schema(name = "CustomerCountRequest")
public record CustomerCountRequest(
        @Schema(implementation = FilterDocs.class, description = "The filter; absent or null: every customer") JsonNode filter) {
}
