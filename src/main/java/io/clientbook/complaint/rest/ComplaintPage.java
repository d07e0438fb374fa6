package io.clientbook.complaint.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplaintPage")
public record ComplaintPage(List<ComplaintResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
