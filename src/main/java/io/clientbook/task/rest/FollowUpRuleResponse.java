package io.clientbook.task.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Tier;
import io.clientbook.task.FollowUpRule;
import io.clientbook.task.FollowUpRuleFields;
import io.clientbook.task.FollowUpRuleId;
import io.clientbook.task.Priority;
import io.clientbook.task.TaskType;

/** A follow-up rule: what it is (read-only) and its settings (the PUT body). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FollowUpRule", description = "A follow-up rule. Rule-specific settings appear only on their rule.")
public record FollowUpRuleResponse(
        @Schema(readOnly = true) FollowUpRuleId id,
        @Schema(readOnly = true, description = "Type of the tasks it creates") TaskType type,
        @Schema(readOnly = true, description = "What makes it fire", examples = "purchase recorded") String trigger,
        @Schema(readOnly = true, description = "Marketing-type: consent and the contact-frequency cap apply") boolean marketing,
        @Schema(readOnly = true, description = "Run by the daily job (else fired by its trigger's transaction)") boolean dailyJob,
        Boolean enabled,
        String title,
        Integer delayDays,
        Integer leadDays,
        Priority priority,
        List<ContactChannel> channels,
        List<Tier> tiers,
        Boolean includeUntiered,
        Integer responseHours,
        Integer daysBefore,
        Map<Tier, Integer> intervalDays,
        List<FollowUpRuleFields.Holiday> holidays,
        @Schema(readOnly = true) Instant updatedAt) {

    public static FollowUpRuleResponse of(FollowUpRule rule, FollowUpRuleFields f) {
        return new FollowUpRuleResponse(rule.id, rule.id.type(), rule.id.trigger(), rule.id.type().marketing(),
                rule.id.dateRule(), f.enabled(), f.title(), f.delayDays(), f.leadDays(), f.priority(), f.channels(), f.tiers(),
                f.includeUntiered(), f.responseHours(), f.daysBefore(), f.intervalDays(), f.holidays(), rule.updatedAt);
    }
}
