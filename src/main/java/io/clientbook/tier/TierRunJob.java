package io.clientbook.tier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.common.db.SchemaNotReady;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled tier run (default 02:00 UTC every day; {@code clientbook.tiers.schedule.*}). Every
 * replica's scheduler fires; the advisory lock lets one of them run and the others log that they
 * skipped. SKIP also keeps a slow run from overlapping the next firing on the same replica.
 */
@ApplicationScoped
public class TierRunJob {

    @Inject
    TierRunService runs;

    @Scheduled(identity = "tier-run", cron = "${clientbook.tiers.schedule.cron:0 0 2 * * ?}",
            timeZone = "${clientbook.tiers.schedule.time-zone:UTC}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SchemaNotReady.class)
    void run() {
        runs.runIfFree(RunTrigger.SCHEDULE, "schedule");
    }
}
