package io.clientbook.task.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FollowUpRulePage", description = "All the rules (one page: there are nine)")
public record FollowUpRulePage(List<FollowUpRuleResponse> items,
        @Schema(description = "Always null") String nextCursor) {
}
