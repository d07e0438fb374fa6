package io.clientbook.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.OperationResult;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The statement bound on the pooled connections, the longer one of the jobs, and how PostgreSQL applies it to cursors. */
@QuarkusTest
class StatementTimeoutTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    StatementTimeouts timeouts;
    @Inject
    Flyway flyway;

    @Test
    void shouldBoundEveryPooledConnectionByTheStatementTimeout() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            // Several at once, so they are distinct physical connections, not one reused.
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection c : held) {
                assertThat(show(c)).isEqualTo("15s");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void shouldGiveAJobItsOwnBoundOnlyForItsTransaction() throws SQLException {
        String inside = QuarkusTransaction.requiringNew().call(() -> {
            timeouts.extendForJob();
            try (Connection c = dataSource.getConnection()) {
                return show(c);
            }
        });
        assertThat(inside).isEqualTo("10min");
        try (Connection c = dataSource.getConnection()) {
            assertThat(show(c)).isEqualTo("15s");
        }
    }

    @Test
    void shouldLiftTheBoundForEachMigrationInItsTransactionOnly() throws SQLException {
        Callback lift = java.util.Arrays.stream(flyway.getConfiguration().getCallbacks())
                .filter(MigrationStatementTimeout.class::isInstance).findFirst().orElseThrow();
        assertThat(lift.supports(Event.BEFORE_EACH_MIGRATE, null)).isTrue();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            lift.handle(Event.BEFORE_EACH_MIGRATE, new MigrationContext(c));
            assertThat(show(c)).isEqualTo("0");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(show(c)).isEqualTo("15s");
        }
    }

    /**
     * What the export relies on: with a cursor (fetch size, no auto-commit) pgjdbc ends each fetch with a
     * Sync, and PostgreSQL's timer runs per fetch, so a stream longer than the bound completes as long as
     * each fetch is shorter; read at once, the same query is cancelled.
     */
    @Test
    void shouldBoundEachCursorFetchRatherThanTheWholeStream() throws SQLException {
        // 30 rows of 50 ms: 1.5 s in all, 200 ms per fetch of 4 rows, against a 1 s bound.
        String slow = "SELECT g, pg_sleep(0.05) FROM generate_series(1, 30) g";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            StatementTimeouts.set(c, java.time.Duration.ofSeconds(1), true);
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement(slow)) {
                ps.setFetchSize(4);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
            }
            assertThat(rows).isEqualTo(30);
            try (PreparedStatement ps = c.prepareStatement(slow)) {
                assertThatThrownBy(() -> ps.executeQuery().close()).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            }
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** What Flyway hands a callback before a migration: here only the connection matters. */
    private record MigrationContext(Connection connection) implements Context {
        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public Configuration getConfiguration() {
            return null;
        }

        @Override
        public MigrationInfo getMigrationInfo() {
            return null;
        }

        @Override
        public org.flywaydb.core.api.callback.Statement getStatement() {
            return null;
        }

        @Override
        public OperationResult getOperationResult() {
            return null;
        }
    }

    private static String show(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW statement_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
