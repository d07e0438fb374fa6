package io.clientbook.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.webhook.Webhook;

@Schema(name = "Webhook", description = "A subscription: events of the chosen types are POSTed, signed, to the URL")
public record WebhookResponse(
        UUID id,
        @Schema(examples = "https://shop.example.com/hooks/clientbook") String url,
        @Schema(examples = "[\"purchase.recorded\", \"customer.erased\"]") List<String> eventTypes,
        @Schema(examples = "Shop: loyalty points") String description,
        Instant createdAt,
        @Schema(description = "Name of the API key that created it") String createdBy,
        @Schema(description = "The signing secret; only in the response to the creation, never again",
                examples = "whsec_q3Jb7kq0t5m2W9Zr8xQ1cV4nE6yH0aLp3sD5fG7hJ2k") String secret) {

    public static WebhookResponse of(Webhook w, String secret) {
        return new WebhookResponse(w.id, w.url, List.of(w.eventTypes), w.description, w.createdAt, w.createdBy, secret);
    }
}
