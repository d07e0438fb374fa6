package io.clientbook.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.Timestamps;
import io.clientbook.feed.FeedEvent;
import io.clientbook.feed.FeedPosition;
import io.clientbook.feed.rest.EventResponse;

/**
 * Sends one attempt: POSTs the event as JSON (the same object as in the feed) with its id, type,
 * attempt number, timestamp and signature in headers. Redirects are not followed.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String EVENT_ID = "Clientbook-Event-Id";
    public static final String EVENT_TYPE = "Clientbook-Event-Type";
    public static final String ATTEMPT = "Clientbook-Delivery-Attempt";
    public static final String TIMESTAMP = "Clientbook-Timestamp";
    public static final String SIGNATURE = "Clientbook-Signature";

    private static final int MAX_ERROR_LENGTH = 500;

    @Inject
    ObjectMapper json;

    private final HttpClient client;
    private final WebhookConfig config;

    @Inject
    public WebhookSender(WebhookConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Completes with the attempt's outcome; never exceptionally. */
    public CompletableFuture<WebhookDelivery.Attempt> send(DeliveryQueue.Claimed c) {
        java.time.Instant at = Timestamps.now();
        long started = System.nanoTime();
        byte[] body = body(c);
        long timestamp = at.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(c.url())).timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Clientbook-Webhooks/1")
                    .header(EVENT_ID, c.eventId().toString())
                    .header(EVENT_TYPE, c.eventType())
                    .header(ATTEMPT, Integer.toString(c.attempt()))
                    .header(TIMESTAMP, Long.toString(timestamp))
                    .header(SIGNATURE, WebhookSignature.header(c.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new WebhookDelivery.Attempt(c.attempt(), at, null,
                    clip("invalid request: " + e.getMessage()), 0));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> new WebhookDelivery.Attempt(c.attempt(), at,
                        response == null ? null : response.statusCode(),
                        failure == null ? null : clip(describe(failure)),
                        (System.nanoTime() - started) / 1_000_000));
    }

    private byte[] body(DeliveryQueue.Claimed c) {
        FeedEvent event = new FeedEvent(c.eventId(), FeedPosition.START, c.eventType(), c.subject(), c.occurredAt(), c.data());
        try {
            return json.writeValueAsString(EventResponse.of(event)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timeout after " + config.connectTimeout();
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout: no answer within " + config.requestTimeout();
        }
        if (cause instanceof ConnectException) {
            return "connection failed: " + (cause.getMessage() == null ? "refused" : cause.getMessage());
        }
        if (cause instanceof IOException) {
            return "I/O error: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String clip(String s) {
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
    }
}
