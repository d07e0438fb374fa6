package io.clientbook.interaction.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InteractionPage")
public record InteractionPage(List<InteractionResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
