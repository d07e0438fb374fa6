package io.clientbook.webhook.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDeliveryPage")
public record DeliveryPage(List<DeliveryResponse> items, String nextCursor) {
}
