package io.clientbook.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Test
    void shouldDeliverOn2xx() {
        assertThat(policy.verdict(1, 200)).isEqualTo(RetryPolicy.Verdict.SUCCEEDED);
        assertThat(policy.verdict(5, 204)).isEqualTo(RetryPolicy.Verdict.SUCCEEDED);
    }

    @Test
    void shouldRetry5xxAndTransportErrorsUntilTheLastAttempt() {
        assertThat(policy.verdict(1, 500)).isEqualTo(RetryPolicy.Verdict.RETRY);
        assertThat(policy.verdict(4, 503)).isEqualTo(RetryPolicy.Verdict.RETRY);
        assertThat(policy.verdict(2, null)).isEqualTo(RetryPolicy.Verdict.RETRY);
        assertThat(policy.verdict(5, 500)).isEqualTo(RetryPolicy.Verdict.FAILED);
        assertThat(policy.verdict(5, null)).isEqualTo(RetryPolicy.Verdict.FAILED);
    }

    @Test
    void shouldNotRetry4xxOrRedirects() {
        assertThat(policy.verdict(1, 400)).isEqualTo(RetryPolicy.Verdict.FAILED);
        assertThat(policy.verdict(1, 404)).isEqualTo(RetryPolicy.Verdict.FAILED);
        assertThat(policy.verdict(1, 301)).isEqualTo(RetryPolicy.Verdict.FAILED);
    }

    @Test
    void shouldDoubleTheWaitUpToTheMaximum() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofMinutes(1));
    }
}
