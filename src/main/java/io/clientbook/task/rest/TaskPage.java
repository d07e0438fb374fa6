package io.clientbook.task.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskPage")
public record TaskPage(List<TaskResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
