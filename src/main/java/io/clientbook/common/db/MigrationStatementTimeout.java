package io.clientbook.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Lifts the statement bound for each migration: Flyway borrows pooled connections, which carry the 15 s
 * bound of requests, and a migration that builds an index on a large table legitimately takes longer.
 * Flyway calls this inside the migration's transaction, so the lift ends with it; a migration that cannot
 * run in a transaction gets it for the session, and {@link DatabaseSchema} flushes the pool afterwards.
 */
final class MigrationStatementTimeout implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            StatementTimeouts.set(connection, Duration.ZERO, !connection.getAutoCommit());
        } catch (SQLException e) {
            throw new FlywayException("Could not lift statement_timeout for the migration", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "clientbook-migration-statement-timeout";
    }
}
