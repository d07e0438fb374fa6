package io.clientbook.task;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Follow-up tasks: the contact-frequency cap, lateness, and the daily job of the date rules. */
@ConfigMapping(prefix = "clientbook.tasks")
public interface TasksConfig {

    /** The business's time zone: what "today", a birthday and a due time mean, and the zone of the daily job's cron. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** Local time of day date-rule tasks are due at (a birthday task is due on the birthday at this time). */
    @WithDefault("09:00")
    LocalTime dueTime();

    /**
     * At most one marketing contact per customer within this many days: a generated marketing task
     * closer than this to another open or recently done one of the customer is skipped (FREQUENCY_CAP).
     */
    @WithDefault("7")
    int minDaysBetweenContacts();

    /**
     * An event rule whose task would already have been due longer ago than this is skipped (TOO_LATE):
     * a purchase back-filled from last year does not ask for a thank-you now.
     */
    @WithDefault("P3D")
    Duration maxLateness();

    /** The daily job of the date rules (birthdays, holidays, check-ins). */
    DailyJob dailyJob();

    /** The worker that makes purchases' follow-up tasks from their committed events. */
    FollowUpWorker followUpWorker();

    interface DailyJob {
        /** Quartz cron of the daily job, in {@code clientbook.tasks.time-zone}; {@code off} disables it. */
        @WithDefault("0 30 1 * * ?")
        String cron();
    }

    interface FollowUpWorker {
        /** Run the worker on this instance; every replica may (they take turns by a row lock). */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for new purchases, at the least (1 s is the scheduler's floor). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Purchases whose follow-ups are made in one transaction; a fuller backlog takes several in a row. */
        @WithDefault("2000")
        int batchSize();

        /**
         * After this instance commits purchases, how soon the worker runs for them instead of waiting for
         * its next poll; the purchases committed within that span share the run.
         */
        @WithDefault("PT0.2S")
        Duration nudgeDelay();
    }
}
