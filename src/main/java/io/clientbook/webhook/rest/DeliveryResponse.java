package io.clientbook.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.webhook.WebhookDelivery;

@Schema(name = "WebhookDelivery", description = "One event sent (or being sent) to one webhook, with every attempt")
public record DeliveryResponse(
        UUID id,
        @Schema(description = "The event's id, also sent as the Clientbook-Event-Id header") UUID eventId,
        @Schema(examples = "purchase.recorded") String eventType,
        @Schema(description = "PENDING (to be attempted, again or for the first time), SUCCEEDED (a 2xx answer) or "
                + "FAILED (a 4xx or redirect answer, or no attempts left)") WebhookDelivery.State state,
        @Schema(description = "Attempts made so far", examples = "2") int attempts,
        Instant lastAttemptAt,
        @Schema(description = "Status code of the last answer; null when there was none", examples = "500") Integer lastStatusCode,
        @Schema(description = "Why the last attempt got no answer (timeout, connection refused …)") String lastError,
        @Schema(description = "When the next attempt is due; only while PENDING") Instant nextAttemptAt,
        Instant createdAt,
        @Schema(description = "Every attempt, oldest first") List<AttemptResponse> history) {

    @Schema(name = "WebhookAttempt")
    public record AttemptResponse(@Schema(examples = "1") int attempt, Instant at,
            @Schema(examples = "500") Integer statusCode, @Schema(examples = "timeout: no answer within PT10S") String error,
            @Schema(examples = "42") long durationMs) {
    }

    public static DeliveryResponse of(WebhookDelivery d) {
        return new DeliveryResponse(d.id(), d.eventId(), d.eventType(), d.state(), d.attempts(), d.lastAttemptAt(),
                d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.createdAt(), d.history().stream()
                        .map(a -> new AttemptResponse(a.attempt(), a.at(), a.statusCode(), a.error(), a.durationMs())).toList());
    }
}
