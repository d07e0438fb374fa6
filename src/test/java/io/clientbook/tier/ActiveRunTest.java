package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The cancel shutdown sends to a run's scoring transaction, against the real PostgreSQL. */
@QuarkusTest
class ActiveRunTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldCancelTheStatementOfTheRunsTransaction() throws Exception {
        try (Connection scoring = dataSource.getConnection()) {
            scoring.setAutoCommit(false);
            ActiveRun run = new ActiveRun();
            ActiveRun.Backend backend = backendOf(scoring);
            run.scoringOn(backend);
            CompletableFuture<Void> statement = CompletableFuture.runAsync(() -> sleep(scoring, 30));
            awaitActive(backend.pid());

            assertThat(run.cancel(dataSource)).isTrue();
            assertThatThrownBy(() -> statement.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("canceling statement");
            scoring.rollback();
        }
    }

    @Test
    void shouldNotCancelWhatTheConnectionRunsAfterTheRunsTransaction() throws Exception {
        try (Connection scoring = dataSource.getConnection()) {
            scoring.setAutoCommit(false);
            ActiveRun run = new ActiveRun();
            ActiveRun.Backend backend = backendOf(scoring);
            run.scoringOn(backend);
            scoring.commit();
            // The same backend, lent to its next user: a new transaction.
            CompletableFuture<Void> next = CompletableFuture.runAsync(() -> sleep(scoring, 1));
            awaitActive(backend.pid());

            assertThat(run.cancel(dataSource)).isFalse();
            next.get(10, TimeUnit.SECONDS);
            scoring.commit();
        }
    }

    @Test
    void shouldRefuseToStartScoringOnceInterrupted() {
        ActiveRun run = new ActiveRun();
        run.interrupt();
        assertThat(run.interrupted()).isTrue();
        assertThatThrownBy(() -> run.scoringOn(new ActiveRun.Backend(1, OffsetDateTime.now())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldOpenTheLatchWhenTheRunEnds() throws Exception {
        ActiveRun run = new ActiveRun();
        assertThat(run.awaitEnd(Duration.ofMillis(10))).isFalse();
        run.end();
        assertThat(run.awaitEnd(Duration.ofMillis(10))).isTrue();
    }

    private static ActiveRun.Backend backendOf(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), now()")) {
            rs.next();
            return new ActiveRun.Backend(rs.getInt(1), rs.getObject(2, OffsetDateTime.class));
        }
    }

    private static void sleep(Connection c, int seconds) {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_sleep(" + seconds + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Waits until the backend runs a statement (a cancel reaches only a running statement). */
    private void awaitActive(int pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT state FROM pg_stat_activity WHERE pid = " + pid)) {
                if (rs.next() && "active".equals(rs.getString(1))) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("backend %d never ran the statement", pid).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
