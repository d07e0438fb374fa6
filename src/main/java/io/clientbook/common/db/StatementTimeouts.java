package io.clientbook.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * PostgreSQL {@code statement_timeout}: the bound every pooled connection starts with
 * ({@link StatementTimeoutInterceptor}), and the longer bound a job that is long on purpose sets for its
 * own transaction ({@code set_config(…, true)}, i.e. {@code SET LOCAL}), which ends with that transaction,
 * so the connection goes back to the pool with the normal bound.
 * <p>
 * With a cursor (fetch size, no auto-commit) PostgreSQL bounds each fetch on its own, not the whole
 * stream: its timer runs from a protocol message to the next Sync, and pgjdbc sends one per fetch. So an
 * export may stream for as long as its client reads, while each fetch (the first one included, which
 * does any sorting) stays bounded.
 */
@ApplicationScoped
public class StatementTimeouts {

    private static final String SET = "SELECT set_config('statement_timeout', ?, ?)";

    @Inject
    DatabaseConfig config;
    @Inject
    TransactionSettings settings;

    /** Raises the current transaction's bound to the job bound ({@code clientbook.db.job-statement-timeout}). */
    public void extendForJob() {
        extend(config.jobStatementTimeout());
    }

    /** Sets the current transaction's bound (must run inside the transaction it is meant for). */
    public void extend(Duration bound) {
        settings.set("statement_timeout", setting(bound));
    }

    /** Raises the bound of the transaction open on {@code connection} (auto-commit off) to the job bound. */
    public void extendForJob(Connection connection) throws SQLException {
        set(connection, config.jobStatementTimeout(), true);
    }

    /** Sets the bound on {@code connection}: for its session ({@code local} false) or its current transaction. */
    static void set(Connection connection, Duration bound, boolean local) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SET)) {
            ps.setString(1, setting(bound));
            ps.setBoolean(2, local);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    /** The bound in PostgreSQL's terms: whole milliseconds, 0 for none, at most what its int setting holds. */
    static String setting(Duration bound) {
        if (bound.isNegative() || bound.isZero()) {
            return "0";
        }
        long millis = Math.max(1, bound.toMillis());
        return Long.toString(Math.min(millis, Integer.MAX_VALUE));
    }
}
