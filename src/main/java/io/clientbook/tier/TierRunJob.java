package io.clientbook.tier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.common.db.SchemaNotReady;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The scheduled tier run (default 02:00 UTC every day; {@code clientbook.tiers.schedule.*}). Every
 * replica's scheduler fires; one of them runs it and the others log that they skipped: the advisory
 * lock while a run is going, the firing's claim (scheduled_firing) after it has ended. SKIP also keeps
 * a slow run from overlapping the next firing on the same replica.
 */
@ApplicationScoped
public class TierRunJob {

    /** The job's name, in the scheduler and in scheduled_firing. */
    static final String IDENTITY = "tier-run";

    @Inject
    TierRunService runs;

    @Scheduled(identity = IDENTITY, cron = "${clientbook.tiers.schedule.cron:0 0 2 * * ?}",
            timeZone = "${clientbook.tiers.schedule.time-zone:UTC}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SchemaNotReady.class)
    void run(ScheduledExecution execution) {
        runs.runScheduled(execution.getScheduledFireTime());
    }
}
