package io.clientbook.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.clientbook.common.Timestamps;
import io.clientbook.complaint.Complaint;
import io.clientbook.customer.BuyingStage;
import io.clientbook.customer.CustomerErasure;
import io.clientbook.customer.CustomerFields;
import io.clientbook.event.ComplaintOpened;
import io.clientbook.event.ComplaintUpdated;
import io.clientbook.event.CustomerErased;
import io.clientbook.event.CustomerUpdated;

/**
 * The event rules of single changes: observers of the domain events that create follow-up tasks in the
 * same transaction as their trigger (so a task exists exactly when its trigger committed), through the
 * one set-based path ({@link TaskGenerator}). A purchase's THANK_YOU and SATISFACTION_SURVEY
 * ({@code purchase:<purchase id>}) are not made here but after the purchase's commit, from its event
 * ({@link PurchaseFollowUps}): ingest is the hot write path, and a batch of 1,000 purchases would
 * otherwise carry 2,000 tasks. Trigger keys, the second half of the exactly-once key:
 * <ul>
 * <li>COMPLAINT_FOLLOW_UP: {@code complaint:<id>:opened}, due {@code responseHours} after the
 * complaint was opened (now, if that is past); {@code complaint:<id>:resolved}, due {@code delayDays}
 * after the (first) resolution;</li>
 * <li>PURCHASE_INTENT: {@code interested:<date>} when the stage becomes INTERESTED, due
 * {@code delayDays} later; {@code not-now:<expected date>} when the stage is NOT_NOW with an expected
 * date (newly, or a new date), due {@code daysBefore} days before it (today if that is past; nothing if
 * the expected date itself is past).</li>
 * </ul>
 * Erasure cancels the customer's open tasks and erases the free text staff wrote into them.
 */
@ApplicationScoped
public class FollowUpEventRules {

    private static final Logger LOG = Logger.getLogger(FollowUpEventRules.class);

    @Inject
    FollowUpRuleService rules;
    @Inject
    TaskGenerator generator;
    @Inject
    TaskRepository tasks;
    @Inject
    TasksConfig config;

    void onComplaintOpened(@Observes ComplaintOpened event) {
        Complaint c = event.complaint();
        rules.enabled(FollowUpRuleId.COMPLAINT_FOLLOW_UP).ifPresent(rule -> {
            Instant now = Timestamps.now();
            Instant due = c.openedAt.plus(Duration.ofHours(rule.responseHours()));
            // A complaint recorded late still needs its answer: due now rather than in the past.
            generate(FollowUpRuleId.COMPLAINT_FOLLOW_UP, rule, List.of(new TaskGenerationSql.Candidate(c.customerId,
                    "complaint:" + c.id + ":opened", due.isBefore(now) ? now : due, c.channel, null)), now);
        });
    }

    void onComplaintUpdated(@Observes ComplaintUpdated event) {
        if (!event.resolved()) {
            return;
        }
        Complaint c = event.complaint();
        rules.enabled(FollowUpRuleId.COMPLAINT_FOLLOW_UP).ifPresent(rule -> {
            Instant now = Timestamps.now();
            Instant resolvedAt = c.resolvedAt == null ? now : c.resolvedAt;
            generate(FollowUpRuleId.COMPLAINT_FOLLOW_UP, rule, List.of(new TaskGenerationSql.Candidate(c.customerId,
                    "complaint:" + c.id + ":resolved", FollowUpTiming.daysAfter(resolvedAt, rule.delayDays(), config.timeZone()),
                    c.channel, "Ask for feedback on the resolved complaint")), now);
        });
    }

    void onCustomerUpdated(@Observes CustomerUpdated event) {
        CustomerFields before = event.before();
        CustomerFields after = event.after();
        boolean interested = after.buyingStage() == BuyingStage.INTERESTED && before.buyingStage() != BuyingStage.INTERESTED;
        boolean notNow = after.buyingStage() == BuyingStage.NOT_NOW && after.expectedPurchaseDate() != null
                && (before.buyingStage() != BuyingStage.NOT_NOW
                        || !Objects.equals(before.expectedPurchaseDate(), after.expectedPurchaseDate()));
        if (!interested && !notNow) {
            return;
        }
        rules.enabled(FollowUpRuleId.PURCHASE_INTENT).ifPresent(rule -> {
            Instant now = Timestamps.now();
            LocalDate today = now.atZone(config.timeZone()).toLocalDate();
            UUID customerId = event.customerId();
            TaskGenerationSql.Candidate candidate;
            if (interested) {
                candidate = new TaskGenerationSql.Candidate(customerId, "interested:" + today,
                        FollowUpTiming.daysAfter(now, rule.delayDays(), config.timeZone()), null,
                        "Follow up the customer's interest");
            } else {
                Optional<LocalDate> day = FollowUpTiming.notNowFollowUpDay(after.expectedPurchaseDate(), rule.daysBefore(), today);
                if (day.isEmpty()) {
                    LOG.debugf("No PURCHASE_INTENT task for customer %s: expected purchase date %s is past", customerId,
                            after.expectedPurchaseDate());
                    return;
                }
                candidate = new TaskGenerationSql.Candidate(customerId, "not-now:" + after.expectedPurchaseDate(),
                        FollowUpTiming.dueOn(day.get(), config.dueTime(), config.timeZone()), null,
                        "Contact the customer before the expected purchase on " + after.expectedPurchaseDate());
            }
            generate(FollowUpRuleId.PURCHASE_INTENT, rule, List.of(candidate), now);
        });
    }

    /** An erased customer is contacted no more: the open tasks are cancelled in the erasure's transaction. */
    void onErased(@Observes CustomerErased event) {
        Instant now = Timestamps.now();
        tasks.cancelOpenOf(event.customerId(), now);
        tasks.eraseTextOf(event.customerId(), CustomerErasure.MARKER, now);
    }

    private void generate(FollowUpRuleId id, FollowUpRuleFields rule, List<TaskGenerationSql.Candidate> rows, Instant now) {
        generator.generate(rules.spec(id, rule, null), TaskGenerationSql.Candidates.of(rows), now, TaskGenerator.Announce.EACH);
    }
}
