package io.clientbook.tier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * The tier run this process is executing, with what shutdown needs to end it cleanly: a flag the run
 * checks before it scores, the PostgreSQL backend of its scoring transaction (to cancel the statement
 * running there) and a latch that opens once the run has recorded how it ended and released its lock.
 */
final class ActiveRun {

    /**
     * The backend running a scoring transaction: its pid and the start of that transaction. The
     * cancel names both, so it can only reach the run's transaction, never the next user the pool
     * lends the connection to.
     */
    record Backend(int pid, OffsetDateTime transactionStart) {
    }

    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean interrupted;
    private volatile Backend backend;

    /** Called inside the scoring transaction before any scoring; throws when shutdown has already asked to stop. */
    void scoringOn(Backend scoringBackend) {
        // Publish the backend before reading the flag (both volatile): either this sees the interruption,
        // or the interrupting thread sees the backend and cancels what runs there.
        backend = scoringBackend;
        if (interrupted) {
            throw new IllegalStateException("the scoring had not started");
        }
    }

    /** Asks the run to stop: it will not start scoring, and {@link #cancel} cancels what it is running. */
    void interrupt() {
        interrupted = true;
    }

    boolean interrupted() {
        return interrupted;
    }

    /**
     * Cancels the statement the scoring transaction is running, if it still is (pg_cancel_backend: the
     * statement fails with 57014 and the run's transaction rolls back). A cancel between two statements
     * is lost, so callers repeat it until the run has ended. True when a backend was signalled.
     */
    boolean cancel(DataSource dataSource) throws SQLException {
        Backend target = backend;
        if (target == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = ? AND xact_start = ?")) {
            ps.setInt(1, target.pid());
            ps.setObject(2, target.transactionStart());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The run has recorded how it ended and released the tier-run lock. */
    void end() {
        ended.countDown();
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
