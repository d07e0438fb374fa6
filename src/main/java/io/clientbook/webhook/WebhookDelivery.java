package io.clientbook.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.clientbook.feed.FeedPosition;

/**
 * One event to one webhook: its state, attempts so far and each attempt's outcome; {@code position}
 * is its event's place in the feed (the list's keyset).
 */
public record WebhookDelivery(UUID id, UUID webhookId, UUID eventId, String eventType, State state, int attempts,
        Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt,
        List<Attempt> history, FeedPosition position) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WebhookDeliveryState")
    public enum State { PENDING, SUCCEEDED, FAILED }

    /** One attempt: its number (1-based), start, the receiver's status code or the transport error, duration. */
    public record Attempt(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }
}
