package io.clientbook.feed;

import java.time.Instant;
import java.util.UUID;

/** A stored feed event: its position, type, subject customer, time and data (a JSON object as text). */
public record FeedEvent(UUID id, FeedPosition position, String type, UUID subject, Instant occurredAt, String data) {
}
