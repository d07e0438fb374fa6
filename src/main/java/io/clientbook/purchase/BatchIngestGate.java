package io.clientbook.purchase;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.common.error.ApiProblem;

/**
 * Lets {@link PurchaseConfig#batchConcurrency()} batches in at a time, before their bodies are parsed.
 * Without it, 64 clients each sending 1,000 purchases held 64 parsed batches in the heap at once (the
 * HTTP benchmark ran a 128 MB heap out of memory) while only a few could use the database anyway: a
 * batch keeps a connection and its customers' row locks for its whole transaction, so more at once only
 * queue on each other's locks. A batch that waits longer than {@link PurchaseConfig#batchWait()} is a
 * 503 with Retry-After, like a request that finds the connection pool exhausted.
 */
@ApplicationScoped
public class BatchIngestGate {

    private final Semaphore turns;
    private final long waitNanos;

    @Inject
    BatchIngestGate(PurchaseConfig config) {
        this(config.batchConcurrency(), config.batchWait());
    }

    BatchIngestGate(int concurrency, Duration wait) {
        this.turns = new Semaphore(Math.max(1, concurrency), true);
        this.waitNanos = wait.toNanos();
    }

    /** A batch's turn; closing it lets the next one in. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a turn: use it in try-with-resources around reading and storing the batch. */
    public Turn enter() {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new ApiProblem(503, "ingest-busy", "Service busy",
                    "Too many purchase batches are being stored at once; retry shortly", null)
                    .withHeader("Retry-After", "1");
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                turns.release();
            }
        };
    }
}
