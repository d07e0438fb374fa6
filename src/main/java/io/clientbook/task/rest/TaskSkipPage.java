package io.clientbook.task.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskSkipPage")
public record TaskSkipPage(List<TaskSkipResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
