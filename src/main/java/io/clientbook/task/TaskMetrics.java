package io.clientbook.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of what the follow-up rules did: {@code clientbook.tasks.created} (tag {@code rule}, or
 * MANUAL) and {@code clientbook.tasks.skipped} (tags {@code reason} and {@code rule}). Counted when the
 * transaction commits, so rolled-back work is not counted.
 */
@ApplicationScoped
public class TaskMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    TransactionSynchronizationRegistry transactions;

    public void created(String rule, int count) {
        afterCommit(() -> registry.counter("clientbook.tasks.created", "rule", rule).increment(count));
    }

    public void skipped(String rule, SkipReason reason, int count) {
        afterCommit(() -> registry.counter("clientbook.tasks.skipped", "reason", reason.name(), "rule", rule).increment(count));
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
