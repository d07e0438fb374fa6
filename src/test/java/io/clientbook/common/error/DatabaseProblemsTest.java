package io.clientbook.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseProblemsTest {

    @Test
    void shouldAnswer503WithRetryAfterWhenTheDatabaseCannotBeReached() {
        ApiProblem refused = ProblemMappers.translate(new RuntimeException("tx failed",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.slug()).isEqualTo("database-unavailable");
        assertThat(refused.headers()).containsEntry("Retry-After", "5");
        assertThat(DatabaseProblems.of(new SQLException("terminating connection due to administrator command", "57P01")).status())
                .isEqualTo(503);
        assertThat(DatabaseProblems.of(new SQLTransientConnectionException("gone")).status()).isEqualTo(503);
    }

    @Test
    void shouldAnswer503BusyWhenThePoolStaysExhausted() {
        ApiProblem busy = DatabaseProblems.of(new SQLException("Sorry, acquisition timeout!"));
        assertThat(busy.slug()).isEqualTo("database-busy");
        assertThat(busy.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void shouldAnswer503WhenAStatementRunsIntoTheTimeout() {
        ApiProblem slow = DatabaseProblems.of(new SQLException("canceling statement due to statement timeout", "57014"));
        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.slug()).isEqualTo("query-timeout");
    }

    @Test
    void shouldAnswer400WhenTextCannotBeStoredEvenIfNoInputCheckCaughtIt() {
        ApiProblem nul = ProblemMappers.translate(new RuntimeException("could not execute statement",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.slug()).isEqualTo("validation");
        assertThat(DatabaseProblems.of(new SQLException("character has no equivalent", "22P05")).status()).isEqualTo(400);
    }

    @Test
    void shouldNotTurnOtherDatabaseErrorsInto503() {
        assertThat(DatabaseProblems.of(new SQLException("syntax error", "42601"))).isNull();
        assertThat(ProblemMappers.translate(new SQLException("division by zero", "22012"))).isNull();
    }

    @Test
    void shouldTellFailuresThatPassFromBugsThroughWrappers() {
        assertThat(DatabaseProblems.isPassing(new IllegalStateException("query failed",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))).isTrue();
        assertThat(DatabaseProblems.isPassing(new RuntimeException(new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(DatabaseProblems.isPassing(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(DatabaseProblems.isPassing(new RuntimeException(new SQLException("relation \"x\" does not exist", "42P01"))))
                .isFalse();
        assertThat(DatabaseProblems.isPassing(new IllegalStateException("no database involved"))).isFalse();
    }

    @Test
    void shouldAnswerWhileTheSchemaIsNotReadyLikeAnUnreachableDatabase() {
        ApiProblem waiting = DatabaseProblems.schemaNotReady();
        assertThat(waiting.status()).isEqualTo(503);
        assertThat(waiting.slug()).isEqualTo("database-unavailable");
        assertThat(waiting.headers()).containsEntry("Retry-After", "5");
    }
}
