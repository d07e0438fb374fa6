package io.clientbook.task;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.clientbook.common.Timestamps;
import io.clientbook.common.db.SchemaNotReady;
import io.clientbook.common.error.DatabaseProblems;
import io.clientbook.event.PurchasesRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes purchases' follow-up tasks after their commit ({@link PurchaseFollowUps}), so that recording a
 * purchase writes only the purchase, its statistics, its audit entry and its event. Every
 * {@code clientbook.tasks.follow-up-worker.poll-interval} it handles the new purchase events in
 * batches until none is left. Every replica may run it: the batches take turns by the position's row
 * lock, and a replica whose turn it is not skips its run. A run that fails (the database away) is
 * rolled back whole and the next run starts from the same position.
 * <p>
 * The poll cannot come more often than once a second (the scheduler's floor), and waiting for it made
 * the lag's p99 about 2 s under ingest. So a commit of purchases on this instance also nudges the
 * worker: it runs {@code nudge-delay} later, once for all purchases committed in between. Purchases
 * committed on other replicas are found by their own nudge or by the poll.
 * <p>
 * {@code clientbook.followups.lag}: from the moment a purchase's event was written (just before its
 * commit) to the commit of its follow-ups.
 */
@ApplicationScoped
public class PurchaseFollowUpWorker {

    static final String LAG_METRIC = "clientbook.followups.lag";
    private static final Logger LOG = Logger.getLogger(PurchaseFollowUpWorker.class);

    @Inject
    PurchaseFollowUps followUps;
    @Inject
    TasksConfig config;
    @Inject
    MeterRegistry metrics;

    private Timer lag;
    private ScheduledExecutorService nudges;
    private final AtomicBoolean nudgePending = new AtomicBoolean();

    @PostConstruct
    void start() {
        nudges = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "purchase-follow-ups");
            t.setDaemon(true);
            return t;
        });
        lag = Timer.builder(LAG_METRIC).description("From a purchase's event to the commit of its follow-up tasks")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(metrics);
    }

    @PreDestroy
    void stop() {
        // A batch cut off here rolls back; the next run, here or on a replica, redoes it.
        nudges.shutdownNow();
    }

    /** After a commit of purchases on this instance: one run soon, shared by every commit until it starts. */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) PurchasesRecorded recorded) {
        if (!config.followUpWorker().enabled() || !nudgePending.compareAndSet(false, true)) {
            return;
        }
        try {
            nudges.schedule(() -> {
                nudgePending.set(false);
                run();
            }, config.followUpWorker().nudgeDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            nudgePending.set(false);
        }
    }

    @Scheduled(identity = "purchase-follow-ups", every = "${clientbook.tasks.follow-up-worker.poll-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SchemaNotReady.class)
    void run() {
        if (!config.followUpWorker().enabled()) {
            return;
        }
        try {
            PurchaseFollowUps.Batch batch;
            do {
                batch = followUps.next(batchSize(), false);
                measure(batch);
            } while (batch.full());
        } catch (RuntimeException e) {
            if (DatabaseProblems.isPassing(e)) {
                // The database is away or busy: one line a run, not a stack trace a second.
                LOG.warnf("purchase follow-up run skipped, database unavailable: %s", e.getMessage());
            } else {
                LOG.warn("purchase follow-up run failed", e);
            }
        }
    }

    /**
     * Makes the follow-ups of every purchase committed before this call, waiting for another worker's
     * batch rather than skipping it, and for transactions still open at the call to end (up to
     * {@code timeout}). For tests and tools that need the follow-ups now, whether or not the worker is
     * enabled here.
     *
     * @return how many purchase events were handled
     */
    public int drain(Duration timeout) {
        long target = followUps.nextTransactionId();
        Instant deadline = Instant.now().plus(timeout);
        int handled = 0;
        while (true) {
            PurchaseFollowUps.Batch batch = followUps.next(batchSize(), true);
            measure(batch);
            handled += batch.recordedAt().size();
            if (batch.full()) {
                continue;
            }
            // The position is right before the batch's horizon: every transaction below it has ended.
            if (batch.position().txId() >= target - 1) {
                return handled;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("purchase follow-ups not drained within " + timeout
                        + ": a transaction older than the call is still open");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while draining purchase follow-ups", e);
            }
        }
    }

    /** At least one event a batch, whatever the setting says. */
    private int batchSize() {
        return Math.max(1, config.followUpWorker().batchSize());
    }

    private void measure(PurchaseFollowUps.Batch batch) {
        Instant committed = Timestamps.now();
        for (Instant recorded : batch.recordedAt()) {
            lag.record(Duration.between(recorded, committed));
        }
    }
}
