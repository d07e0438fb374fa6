package io.clientbook.common.db;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalPoolInterceptor;

/**
 * Gives every new pooled connection the statement bound ({@code clientbook.db.statement-timeout}) as its
 * session default, once, when the pool opens it (not per borrow, so it costs nothing per request).
 * <p>
 * Why here and not in the JDBC URL ({@code options=-c statement_timeout=…}): the URL belongs to operations
 * (an {@code options} of theirs would override ours, or ours theirs), and the setting is ours, typed, and
 * in milliseconds whatever unit it was written in. A connection whose bound cannot be set is not handed out.
 */
@ApplicationScoped
public class StatementTimeoutInterceptor implements AgroalPoolInterceptor {

    @Inject
    DatabaseConfig config;

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            StatementTimeouts.set(connection, config.statementTimeout(), false);
            if (!connection.getAutoCommit()) {
                // A session setting made inside a transaction is undone by its rollback; keep it.
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set statement_timeout on a new database connection", e);
        }
    }
}
