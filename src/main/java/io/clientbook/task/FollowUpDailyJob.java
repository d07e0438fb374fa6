package io.clientbook.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.clientbook.common.Timestamps;
import io.clientbook.common.db.SchemaNotReady;
import io.clientbook.common.db.StatementTimeouts;
import io.clientbook.common.schedule.ScheduledFirings;
import io.clientbook.customer.Tier;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The daily job of the date rules: birthday greetings, holiday greetings and check-ins for all
 * customers at once, one set-based generation per rule ({@link TaskGenerator}, announced as a batch).
 * <p>
 * Scheduled by {@code clientbook.tasks.daily-job.cron} in {@code clientbook.tasks.time-zone};
 * {@code SKIP} keeps a slow run from overlapping the next on one instance, and a transaction-scoped
 * PostgreSQL advisory lock keeps replicas from running it at the same time: the instance that does not
 * get the lock logs so and does nothing, and the firing's claim ({@link ScheduledFirings}, taken in
 * the job's transaction) keeps a replica that fires after the job has ended from running it again.
 * A campaign at work is waited for ({@link TaskGenerator#awaitSetBasedTurn}), so each sees the other's
 * tasks in the frequency cap. Running it twice on one day creates nothing new anyway (the exactly-once
 * keys). Trigger keys: {@code birthday:<year>}, {@code holiday:<date>}, {@code check-in:<run date>}.
 */
@ApplicationScoped
public class FollowUpDailyJob {

    private static final Logger LOG = Logger.getLogger(FollowUpDailyJob.class);
    /** Advisory lock key of the job: any constant unique within the database's advisory locks. */
    static final long LOCK_KEY = 0x636c_6275_7461_736bL; // "clbutask"
    /** The job's name, in the scheduler and in scheduled_firing. */
    static final String IDENTITY = "follow-up-daily-job";

    /** What one run did: tasks created and skipped per rule; {@code ran} false when another instance held the lock. */
    public record Run(LocalDate day, boolean ran, Map<FollowUpRuleId, TaskGenerationSql.Result> results) {

        public int created(FollowUpRuleId rule) {
            TaskGenerationSql.Result r = results.get(rule);
            return r == null ? 0 : r.created();
        }
    }

    @Inject
    FollowUpRuleService rules;
    @Inject
    TaskGenerator generator;
    @Inject
    TasksConfig config;
    @Inject
    EntityManager em;
    @Inject
    StatementTimeouts statementTimeouts;
    @Inject
    ScheduledFirings firings;

    @Scheduled(identity = IDENTITY, cron = "${clientbook.tasks.daily-job.cron:0 30 1 * * ?}",
            timeZone = "${clientbook.tasks.time-zone:UTC}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SchemaNotReady.class)
    void scheduled(ScheduledExecution execution) {
        Run run = runFiring(execution.getScheduledFireTime(), Timestamps.now());
        if (run.ran()) {
            LOG.infof("Daily follow-up job for %s (firing %s): %s", run.day(), execution.getScheduledFireTime(),
                    summary(run));
        }
    }

    /**
     * Runs the date rules for {@code today} (in the business's time zone) as of {@code now}, in one
     * transaction, unless another instance is running them.
     */
    @Transactional
    public Run runFor(LocalDate today, Instant now) {
        if (!tryLock()) {
            LOG.infof("Daily follow-up job for %s not run here: another instance holds its lock", today);
            return new Run(today, false, Map.of());
        }
        return generateAll(today, now);
    }

    /**
     * The schedule's firing at {@code scheduledAt} (the cron instant; every replica fires it): runs the
     * date rules for that day as of {@code now}, in one transaction, unless another instance is running
     * them or has already taken this firing.
     */
    @Transactional
    public Run runFiring(Instant scheduledAt, Instant now) {
        LocalDate today = scheduledAt.atZone(config.timeZone()).toLocalDate();
        if (!tryLock()) {
            LOG.infof("Daily follow-up job firing %s not run here: another instance holds its lock", scheduledAt);
            return new Run(today, false, Map.of());
        }
        if (!firings.claim(IDENTITY, scheduledAt)) {
            LOG.infof("Daily follow-up job firing %s not run here: %s already took it", scheduledAt,
                    firings.claimedBy(IDENTITY, scheduledAt).orElse("another instance"));
            return new Run(today, false, Map.of());
        }
        return generateAll(today, now);
    }

    /** The job's transaction-scoped advisory lock: false when another instance's job holds it. */
    private boolean tryLock() {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult());
    }

    private Run generateAll(LocalDate today, Instant now) {
        // Set-based over every customer: the job bound, not the per-request one (a campaign at work is waited for).
        statementTimeouts.extendForJob();
        generator.awaitSetBasedTurn();
        Map<FollowUpRuleId, TaskGenerationSql.Result> results = new LinkedHashMap<>();
        rules.enabled(FollowUpRuleId.BIRTHDAY_GREETING).ifPresent(rule -> results.put(FollowUpRuleId.BIRTHDAY_GREETING,
                generate(FollowUpRuleId.BIRTHDAY_GREETING, rule, birthdays(rule, today), now)));
        rules.enabled(FollowUpRuleId.HOLIDAY_GREETING).ifPresent(rule -> holidays(rule, today)
                .ifPresent(candidates -> results.put(FollowUpRuleId.HOLIDAY_GREETING,
                        generate(FollowUpRuleId.HOLIDAY_GREETING, rule, candidates, now))));
        rules.enabled(FollowUpRuleId.CHECK_IN).ifPresent(rule -> checkIns(rule, today, now)
                .ifPresent(candidates -> results.put(FollowUpRuleId.CHECK_IN,
                        generate(FollowUpRuleId.CHECK_IN, rule, candidates, now))));
        return new Run(today, true, results);
    }

    private TaskGenerationSql.Result generate(FollowUpRuleId id, FollowUpRuleFields rule,
            TaskGenerationSql.Candidates candidates, Instant now) {
        return generator.generate(rules.spec(id, rule, null), candidates, now, TaskGenerator.Announce.BATCH);
    }

    /**
     * Customers whose birthday falls from today to today + leadDays: created ahead, due on the day. The
     * window (not just today + leadDays) makes up for a day the job did not run; the key makes it once.
     * The leap-day mapping comes from {@link FollowUpTiming#birthdaysBetween}.
     */
    private TaskGenerationSql.Candidates birthdays(FollowUpRuleFields rule, LocalDate today) {
        List<FollowUpTiming.BirthdayMatch> matches = FollowUpTiming.birthdaysBetween(today, today.plusDays(rule.leadDays()));
        int n = matches.size();
        Integer[] months = new Integer[n];
        Integer[] days = new Integer[n];
        String[] years = new String[n];
        String[] dues = new String[n];
        for (int i = 0; i < n; i++) {
            FollowUpTiming.BirthdayMatch m = matches.get(i);
            months[i] = m.month();
            days[i] = m.day();
            years[i] = String.valueOf(m.celebratedOn().getYear());
            dues[i] = FollowUpTiming.dueOn(m.celebratedOn(), config.dueTime(), config.timeZone()).toString();
        }
        return new TaskGenerationSql.Candidates("""
                SELECT c.id AS customer_id, 'birthday:' || b.year AS trigger_key, b.due_at, CAST(NULL AS text) AS channel,
                       CAST(NULL AS text) AS title
                FROM unnest(CAST(:c_months AS int[]), CAST(:c_days AS int[]), CAST(:c_years AS text[]), CAST(:c_dues AS timestamptz[]))
                         AS b (month, day, year, due_at)
                JOIN customer c ON date_part('month', c.birth_date) = b.month AND date_part('day', c.birth_date) = b.day
                WHERE c.birth_date IS NOT NULL AND c.erased_at IS NULL""",
                Map.of("c_months", months, "c_days", days, "c_years", years, "c_dues", dues));
    }

    /** Every customer, for each holiday from today to today + leadDays (none: nothing to do). */
    private java.util.Optional<TaskGenerationSql.Candidates> holidays(FollowUpRuleFields rule, LocalDate today) {
        List<FollowUpTiming.HolidayDate> dates = FollowUpTiming.holidaysBetween(rule.holidays(), today,
                today.plusDays(rule.leadDays()));
        if (dates.isEmpty()) {
            return java.util.Optional.empty();
        }
        int n = dates.size();
        String[] keys = new String[n];
        String[] dues = new String[n];
        String[] titles = new String[n];
        for (int i = 0; i < n; i++) {
            FollowUpTiming.HolidayDate h = dates.get(i);
            keys[i] = "holiday:" + h.date();
            dues[i] = FollowUpTiming.dueOn(h.date(), config.dueTime(), config.timeZone()).toString();
            titles[i] = h.name() == null ? rule.title() : rule.title() + ": " + h.name();
        }
        return java.util.Optional.of(new TaskGenerationSql.Candidates("""
                SELECT c.id AS customer_id, h.trigger_key, h.due_at, CAST(NULL AS text) AS channel, h.title
                FROM unnest(CAST(:c_keys AS text[]), CAST(:c_dues AS timestamptz[]), CAST(:c_titles AS text[]))
                         AS h (trigger_key, due_at, title)
                CROSS JOIN customer c
                WHERE c.erased_at IS NULL""",
                Map.of("c_keys", keys, "c_dues", dues, "c_titles", titles)));
    }

    /**
     * Customers of a tier with an interval whose last outbound contact, last check-in task, last
     * check-in skip and creation are all older than the interval: due today. Counting the last task and
     * skip makes a check-in come once per interval, not daily while the first is still open.
     */
    private java.util.Optional<TaskGenerationSql.Candidates> checkIns(FollowUpRuleFields rule, LocalDate today, Instant now) {
        List<String> tiers = new ArrayList<>();
        List<Integer> intervals = new ArrayList<>();
        rule.intervalDays().forEach((Tier tier, Integer days) -> {
            tiers.add(tier.name());
            intervals.add(days);
        });
        if (tiers.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TaskGenerationSql.Candidates("""
                SELECT c.id AS customer_id, CAST(:c_key AS text) AS trigger_key, CAST(:c_due AS timestamptz) AS due_at,
                       CAST(NULL AS text) AS channel, CAST(NULL AS text) AS title
                FROM unnest(CAST(:c_tiers AS text[]), CAST(:c_intervals AS int[])) AS iv (tier, days)
                JOIN customer c ON c.tier = iv.tier
                WHERE c.erased_at IS NULL
                  AND c.created_at <= CAST(:c_now AS timestamptz) - iv.days * interval '1 day'
                  AND NOT EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = c.id AND i.direction = 'OUTBOUND'
                                  AND i.occurred_at > CAST(:c_now AS timestamptz) - iv.days * interval '1 day')
                  AND NOT EXISTS (SELECT 1 FROM task t WHERE t.customer_id = c.id AND t.source = 'CHECK_IN'
                                  AND t.created_at > CAST(:c_now AS timestamptz) - iv.days * interval '1 day')
                  AND NOT EXISTS (SELECT 1 FROM task_skip s WHERE s.customer_id = c.id AND s.source = 'CHECK_IN'
                                  AND s.skipped_at > CAST(:c_now AS timestamptz) - iv.days * interval '1 day')""",
                Map.of("c_key", "check-in:" + today, "c_due", FollowUpTiming.dueOn(today, config.dueTime(), config.timeZone()),
                        "c_tiers", tiers.toArray(String[]::new), "c_intervals", intervals.toArray(Integer[]::new),
                        "c_now", now)));
    }

    private static String summary(Run run) {
        StringBuilder s = new StringBuilder();
        run.results().forEach((rule, r) -> s.append(rule).append(" created ").append(r.created()).append(" skipped ")
                .append(r.skipped()).append("; "));
        return s.isEmpty() ? "no enabled date rule" : s.toString();
    }

}
