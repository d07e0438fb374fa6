package io.clientbook.tier;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the tier runs (prefix {@code clientbook.tiers}, environment CLIENTBOOK_TIERS_…). */
@ConfigMapping(prefix = "clientbook.tiers")
public interface TierConfig {

    /** The scheduled run. */
    Schedule schedule();

    /** Longest a run's scoring transaction may take before it is rolled back and the run FAILED. */
    @WithDefault("PT30M")
    Duration runTimeout();

    /**
     * At shutdown, how long to wait for a run that was cancelled to roll back and be recorded FAILED
     * before the process goes on exiting (then the next start marks it abandoned).
     */
    @WithDefault("PT10S")
    Duration shutdownWait();

    /**
     * PostgreSQL {@code work_mem} for the run's own transaction (a size such as {@code 64MB}); unset, the
     * server's. The scoring sorts and aggregates every customer, and at the server's default (4 MB) each of its
     * sorts spills to disk, yet more memory is not faster at scale: at 1,000,000 customers 16MB and 64MB made
     * the run slower (at 64MB the planner finishes the purchase totals with one hash aggregate in the leader
     * instead of sorting them in the parallel workers). At 200,000 customers 64MB was 30 % faster. Only
     * one run works at a time in the whole cluster, so this much is taken once, per sort node and worker.
     */
    Optional<String> workMem();

    interface Schedule {
        /** Quartz cron of the scheduled run (seconds first); {@code off} disables it. Default: 02:00 every day. */
        @WithDefault("0 0 2 * * ?")
        String cron();

        /** Time zone the cron is read in (an IANA id). */
        @WithDefault("UTC")
        String timeZone();
    }
}
