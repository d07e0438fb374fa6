package io.clientbook.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Deliveries to a receiver on loopback: signed, retried on 5xx and transport errors, never on 4xx. */
@QuarkusTest
class WebhookDeliveryTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String newCustomer(String lastName) {
        return asAdmin().body(Map.of("lastName", lastName)).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
    }

    private static JsonPath createWebhook(String url, List<String> types) {
        return asAdmin().body(Map.of("url", url, "eventTypes", types)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void deleteWebhook(String id) {
        asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    private static Predicate<Receiver.Received> about(String customer) {
        return r -> customer.equals(JsonPath.from(r.body()).getString("subject"));
    }

    /** Polls the webhook's deliveries until one is in {@code state}; returns it. */
    private static Map<String, Object> awaitDelivery(String webhook, String state) throws InterruptedException {
        return awaitDelivery(webhook, state, null);
    }

    /**
     * Polls until the delivery of {@code eventId} (any event when null) is in {@code state}. With an
     * event id, events other tests append while this webhook exists may be delivered too; they are not
     * this test's business.
     */
    private static Map<String, Object> awaitDelivery(String webhook, String state, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<Map<String, Object>> items = asAdmin().queryParam("state", state)
                    .get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath()
                    .<Map<String, Object>>getList("items").stream()
                    .filter(d -> eventId == null || eventId.equals(d.get("eventId"))).toList();
            if (!items.isEmpty() || System.nanoTime() > deadline) {
                assertThat(items).as("a " + state + " delivery").hasSize(1);
                return items.get(0);
            }
            Thread.sleep(100);
        }
    }

    /** The receiver's side of the signature check, written from the documented recipe. */
    private static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldSignEachDeliverySoTheReceiverCanVerifyItAndStartFromTheFeedsEnd() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            String before = newCustomer("BeforeHook");
            JsonPath hook = createWebhook(receiver.url(), List.of("customer.created"));
            String secret = hook.getString("secret");
            assertThat(secret).startsWith("whsec_");
            try {
                String customer = newCustomer("Hooked");

                Receiver.Received r = receiver.await(about(customer), 1, PATIENCE).get(0);

                String signature = r.header("Clientbook-Signature");
                String timestamp = r.header("Clientbook-Timestamp");
                assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + expectedSignature(secret, timestamp, r.body()));
                assertThat(signature).isNotEqualTo("t=" + timestamp + ",v1=" + expectedSignature(secret + "x", timestamp, r.body()));
                assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(300L));
                JsonPath body = JsonPath.from(r.body());
                assertThat(r.header("Clientbook-Event-Id")).isEqualTo(body.getString("id"));
                assertThat(r.header("Clientbook-Event-Type")).isEqualTo("customer.created").isEqualTo(body.getString("type"));
                assertThat(r.header("Clientbook-Delivery-Attempt")).isEqualTo("1");
                assertThat(r.header("Content-Type")).startsWith("application/json");

                Map<String, Object> delivery = awaitDelivery(hook.getString("id"), "SUCCEEDED", body.getString("id"));
                assertThat(delivery).containsEntry("eventId", body.getString("id")).containsEntry("attempts", 1)
                        .containsEntry("lastStatusCode", 204).containsEntry("eventType", "customer.created");
                // History from before the webhook existed is not replayed.
                assertThat(receiver.received(about(before))).isEmpty();
                String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
                assertThat(metrics).contains("clientbook_webhook_deliveries_total",
                        "clientbook_events_appended_total{type=\"customer.created\"}");
            } finally {
                deleteWebhook(hook.getString("id"));
            }
        }
    }

    @Test
    void shouldRetryOn500WithTheSameEventIdUntilTheReceiverAccepts() throws Exception {
        try (Receiver receiver = Receiver.answering(500, 503, 200)) {
            JsonPath hook = createWebhook(receiver.url(), List.of("customer.created"));
            try {
                String customer = newCustomer("Retried");

                List<Receiver.Received> requests = receiver.await(about(customer), 3, PATIENCE);

                assertThat(requests).hasSize(3);
                assertThat(requests).extracting(r -> r.header("Clientbook-Event-Id")).containsOnly(requests.get(0).header("Clientbook-Event-Id"));
                assertThat(requests).extracting(r -> r.header("Clientbook-Delivery-Attempt")).containsExactly("1", "2", "3");
                assertThat(requests).extracting(Receiver.Received::body).containsOnly(requests.get(0).body());
                Map<String, Object> delivery = awaitDelivery(hook.getString("id"), "SUCCEEDED");
                assertThat(delivery).containsEntry("attempts", 3).containsEntry("lastStatusCode", 200);
                assertThat(JsonPath.from(asAdmin().get("/api/v1/webhooks/" + hook.getString("id") + "/deliveries").asString())
                        .getList("items[0].history.statusCode")).containsExactly(500, 503, 200);
            } finally {
                deleteWebhook(hook.getString("id"));
            }
        }
    }

    @Test
    void shouldNotRetryOn400() throws Exception {
        try (Receiver receiver = Receiver.answering(400)) {
            JsonPath hook = createWebhook(receiver.url(), List.of("customer.created"));
            try {
                String customer = newCustomer("Refused");

                Map<String, Object> delivery = awaitDelivery(hook.getString("id"), "FAILED");
                // Longer than the back-off and a few worker runs: a retry would have come by now.
                Thread.sleep(3000);

                assertThat(receiver.received(about(customer))).hasSize(1);
                assertThat(delivery).containsEntry("attempts", 1).containsEntry("lastStatusCode", 400)
                        .containsEntry("nextAttemptAt", null);
            } finally {
                deleteWebhook(hook.getString("id"));
            }
        }
    }

    @Test
    void shouldRetryConnectionErrorsAndGiveUpAfterTheLastAttempt() throws Exception {
        String url;
        try (Receiver closed = Receiver.answering()) {
            url = closed.url();
        }
        JsonPath hook = createWebhook(url, List.of("customer.created"));
        try {
            newCustomer("Unreachable");

            Map<String, Object> delivery = awaitDelivery(hook.getString("id"), "FAILED");

            // max-attempts is 4 in the test profile.
            assertThat(delivery).containsEntry("attempts", 4).containsEntry("lastStatusCode", null);
            assertThat((String) delivery.get("lastError")).contains("connection");
            assertThat(JsonPath.from(asAdmin().get("/api/v1/webhooks/" + hook.getString("id") + "/deliveries").asString())
                    .getList("items[0].history.attempt")).containsExactly(1, 2, 3, 4);
        } finally {
            deleteWebhook(hook.getString("id"));
        }
    }
}
