package io.clientbook.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Statements that PostgreSQL plans afresh for their values every time they run. By default the driver
 * turns a statement run five times on one connection into a server-side prepared statement, and
 * PostgreSQL may then switch it to a generic plan that does not know the values. For statements whose
 * best plan depends wholly on their values (a segment filter: tier A in one region is a fraction of a
 * percent of the customers, tier C most of them; the tier run's window), that plan can be far worse,
 * and on a pooled connection it happens at some unpredictable execution. Planning costs well under a
 * millisecond; these statements take tens of milliseconds or more.
 */
public final class AdHocStatements {

    private AdHocStatements() {
    }

    /** Prepares {@code sql} on {@code connection}, never to become a server-side prepared statement. */
    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }
}
