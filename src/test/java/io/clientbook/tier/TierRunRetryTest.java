package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class TierRunRetryTest {

    @Test
    void shouldRetryDeadlocksAndSerializationFailuresWhereverTheyAreWrapped() {
        assertThat(TierRunService.isTransient(new RuntimeException("tx", new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(TierRunService.isTransient(new IllegalStateException(new RuntimeException(
                new SQLException("could not serialize access", "40001"))))).isTrue();
    }

    @Test
    void shouldNotRetryOtherFailures() {
        assertThat(TierRunService.isTransient(new RuntimeException(new SQLException("canceling statement", "57014"))))
                .isFalse();
        assertThat(TierRunService.isTransient(new IllegalStateException("observer refused"))).isFalse();
    }

    @Test
    void shouldRecordTheInnermostMessageAsTheRunsError() {
        assertThat(TierRunService.rootMessage(new RuntimeException("wrapper", new SQLException("deadlock detected"))))
                .isEqualTo("deadlock detected (RuntimeException)");
        assertThat(TierRunService.rootMessage(new IllegalStateException("plain"))).isEqualTo("plain");
    }
}
