package io.clientbook.webhook.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookPage")
public record WebhookPage(List<WebhookResponse> items, String nextCursor) {
}
