package io.clientbook.tier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The cluster-wide "one tier run at a time": a PostgreSQL session advisory lock, held on a connection
 * of its own for the whole life of a run (its RUNNING row, the scoring, the final status). If the
 * process dies the connection dies and PostgreSQL releases the lock, so a RUNNING row found while the
 * lock is free was left behind by a crashed process.
 */
public final class TierRunLock implements AutoCloseable {

    /** The advisory lock key: "tier-run" in ASCII, fixed so every replica and version agree. */
    public static final long KEY = 0x746965722d72756eL;
    private static final Logger LOG = Logger.getLogger(TierRunLock.class);

    private final Connection connection;

    private TierRunLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock without waiting; empty when another session (this replica or another) holds it.
     * Call outside any transaction: the connection must be a plain one of its own, not the transaction's.
     */
    public static Optional<TierRunLock> tryAcquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new TierRunLock(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not ask PostgreSQL for the tier-run lock", e);
        }
    }

    /** Releases the lock and returns the connection. */
    @Override
    public void close() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
            connection.close();
        } catch (SQLException e) {
            // The pool must not keep a session that may still hold the lock: abort destroys the connection,
            // which ends the session and with it the lock.
            LOG.warnf("Could not release the tier-run lock cleanly (%s); dropping its connection", e.getMessage());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException abortFailed) {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the tier-run lock connection failed", e);
        }
    }
}
