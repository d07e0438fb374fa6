package io.clientbook.common.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Database failures that are not the client's fault and pass by themselves: the database is
 * unreachable or restarting, the connection pool stayed exhausted for the whole acquisition timeout,
 * or a statement ran into {@code statement_timeout}. Each is a 503 with {@code Retry-After}, so
 * clients and load balancers back off and retry instead of seeing a 500 or a hang.
 *
 * <p>And one that is the client's fault: text the database cannot store. Bodies and parameters are
 * checked for it where they are read (naming the field); this is the net under those checks, so a
 * path that misses one still answers 400, not 500.
 */
public final class DatabaseProblems {

    /** Seconds a client should wait before retrying when the database is down. */
    static final String RETRY_UNAVAILABLE = "5";
    /** Seconds to wait when the service is only busy. */
    static final String RETRY_BUSY = "1";

    private DatabaseProblems() {
    }

    /** The problem for this failure, or null when it is not one of the passing kinds. */
    static ApiProblem of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase();
        // Agroal's "Sorry, acquisition timeout!": every connection stayed busy for the acquisition timeout.
        if (message.contains("acquisition timeout")) {
            return unavailable("database-busy", "Service busy",
                    "All database connections are in use; retry shortly", RETRY_BUSY);
        }
        // 57014 query_canceled: statement_timeout ended a statement that took too long.
        if ("57014".equals(state)) {
            return unavailable("query-timeout", "Query took too long",
                    "The request's database work exceeded the statement time limit; narrow it or retry later", RETRY_BUSY);
        }
        // 22021 character_not_in_repertoire (a NUL in a text value), 22P05 untranslatable_character.
        if ("22021".equals(state) || "22P05".equals(state)) {
            return new ApiProblem(400, "validation", "Request is not valid",
                    "A text of the request has a character the database cannot store, such as NUL (\\u0000)", null);
        }
        // Class 08: connection exceptions; 57P01–57P03: the server is shutting down, crashed or not yet accepting.
        if (state.startsWith("08") || "57P01".equals(state) || "57P02".equals(state) || "57P03".equals(state)
                || e instanceof SQLTransientConnectionException) {
            return unavailable("database-unavailable", "Database unavailable",
                    "The database cannot be reached; retry shortly", RETRY_UNAVAILABLE);
        }
        return null;
    }

    /**
     * The answer while the schema is not migrated yet (the service started before its database was
     * reachable): the same 503 as an unreachable database.
     */
    public static ApiProblem schemaNotReady() {
        return unavailable("database-unavailable", "Database unavailable",
                "The service is waiting for its database (schema not migrated yet); retry shortly", RETRY_UNAVAILABLE);
    }

    /**
     * Whether {@code failure} (or a cause of it) is one of the kinds that pass by themselves: the database
     * unreachable, the pool exhausted, a statement timed out. Worth retrying later, not a bug.
     */
    public static boolean isPassing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && of(sql) != null) {
                return true;
            }
        }
        return false;
    }

    private static ApiProblem unavailable(String slug, String title, String detail, String retryAfter) {
        return new ApiProblem(503, slug, title, detail, null).withHeader("Retry-After", retryAfter);
    }
}
