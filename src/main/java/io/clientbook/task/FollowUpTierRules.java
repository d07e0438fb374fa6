package io.clientbook.task;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.clientbook.common.Timestamps;
import io.clientbook.tier.TierRunCompleted;

/**
 * The tier-change rules, fired by a tier run inside its transaction ({@link TierRunCompleted}), set-based
 * over the run's {@code tier_change} rows — a run may move a hundred thousand customers:
 * <ul>
 * <li>VIP_WELCOME: the tier became A (from B, C or unscored), due {@code delayDays} (1) after the run;</li>
 * <li>WIN_BACK: the tier dropped from A, or the RFM segment became AT_RISK or CANNOT_LOSE (from another
 * segment), due {@code delayDays} (3) after the run.</li>
 * </ul>
 * The trigger key is {@code tier-run:<run id>}: a run creates at most one task per rule and customer,
 * also when PostgreSQL makes the run retry. Consent, the frequency cap and the rule's tiers apply as for
 * every generated task ({@link TaskGenerator}).
 */
@ApplicationScoped
public class FollowUpTierRules {

    @Inject
    FollowUpRuleService rules;
    @Inject
    TaskGenerator generator;
    @Inject
    TasksConfig config;

    void onTierRun(@Observes TierRunCompleted run) {
        Optional<FollowUpRuleFields> welcome = rules.enabled(FollowUpRuleId.VIP_WELCOME);
        Optional<FollowUpRuleFields> winBack = rules.enabled(FollowUpRuleId.WIN_BACK);
        if (welcome.isEmpty() && winBack.isEmpty()) {
            return;
        }
        generator.awaitSetBasedTurn();
        welcome.ifPresent(rule -> generate(FollowUpRuleId.VIP_WELCOME, rule, run, """
                to_tier = 'A' AND from_tier IS DISTINCT FROM 'A'"""));
        winBack.ifPresent(rule -> generate(FollowUpRuleId.WIN_BACK, rule, run, """
                (from_tier = 'A' AND to_tier IN ('B', 'C'))
                OR (to_segment IN ('AT_RISK', 'CANNOT_LOSE')
                    AND from_segment IS DISTINCT FROM to_segment
                    AND coalesce(from_segment, '') NOT IN ('AT_RISK', 'CANNOT_LOSE'))"""));
    }

    private void generate(FollowUpRuleId id, FollowUpRuleFields rule, TierRunCompleted run, String moved) {
        Instant due = FollowUpTiming.daysAfter(run.asOf(), rule.delayDays() == null ? 0 : rule.delayDays(), config.timeZone());
        TaskGenerationSql.Candidates candidates = new TaskGenerationSql.Candidates("""
                SELECT tc.customer_id, CAST(:t_key AS text) AS trigger_key, CAST(:t_due AS timestamptz) AS due_at,
                       CAST(NULL AS text) AS channel, CAST(NULL AS text) AS title
                FROM tier_change tc
                WHERE tc.run_id = CAST(:t_run AS uuid) AND (%s)""".formatted(moved),
                Map.of("t_key", "tier-run:" + run.runId(), "t_due", due, "t_run", run.runId()));
        generator.generate(rules.spec(id, rule, null), candidates, Timestamps.now(), TaskGenerator.Announce.BATCH);
    }
}
