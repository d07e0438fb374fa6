package io.clientbook.webhook;

import java.time.Duration;

/**
 * What happens after an attempt: 2xx delivered; 5xx, timeouts and connection errors retried with
 * exponential back-off until the attempts run out; any other answer (4xx, or a redirect, which is
 * not followed) given up at once — the receiver refused this event and would refuse it again.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public enum Verdict { SUCCEEDED, RETRY, FAILED }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * The verdict on attempt number {@code attempt} (1-based) that got {@code statusCode}, or none
     * ({@code null}) when the request failed in transport (timeout, refused, reset).
     */
    public Verdict verdict(int attempt, Integer statusCode) {
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            return Verdict.SUCCEEDED;
        }
        boolean retryable = statusCode == null || statusCode >= 500;
        return retryable && attempt < maxAttempts ? Verdict.RETRY : Verdict.FAILED;
    }

    /** The wait after failed attempt number {@code attempt}: base × 2^(attempt−1), at most maxDelay. */
    public Duration delayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long millis = baseDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
