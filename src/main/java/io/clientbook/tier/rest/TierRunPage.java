package io.clientbook.tier.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TierRunPage")
public record TierRunPage(List<TierRunResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
