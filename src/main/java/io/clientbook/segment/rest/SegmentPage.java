package io.clientbook.segment.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SegmentPage")
public record SegmentPage(List<SegmentResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
