package io.clientbook.common.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;

/**
 * Graceful shutdown of the scheduled jobs: the scheduler is paused as soon as shutdown begins (when
 * readiness goes DOWN, before the pre-shutdown delay), so no job starts new work while requests drain.
 * Left alone, Quarkus' scheduler keeps firing until its executor is destroyed, after the delay and the
 * drain. Executions already running go on; a tier run still going when the application stops is
 * ended by {@code TierRunService}.
 */
@ApplicationScoped
class SchedulerShutdown {

    private static final Logger LOG = Logger.getLogger(SchedulerShutdown.class);

    @Inject
    Scheduler scheduler;

    void onShutdownStarted(@Observes ShutdownDelayInitiatedEvent event) {
        pause();
    }

    /** Without a pre-shutdown delay the first sign of shutdown is this one. */
    void onShutdown(@Observes ShutdownEvent event) {
        pause();
    }

    private void pause() {
        if (scheduler.isRunning()) {
            scheduler.pause();
            LOG.info("Shutting down: scheduled jobs paused, none starts new work");
        }
    }
}
