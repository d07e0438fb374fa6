package io.clientbook.purchase;

import static io.clientbook.purchase.PurchaseFixtures.customer;
import static io.clientbook.purchase.PurchaseFixtures.newId;
import static io.clientbook.purchase.PurchaseFixtures.post;
import static io.clientbook.purchase.PurchaseFixtures.purchase;
import static io.clientbook.purchase.PurchaseFixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PurchaseVoidTest extends ApiTest {

    private static String record(String customerId, String amount, String occurredAt) {
        return post("integration", purchase(customerId, amount, occurredAt)).then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldVoidPurchaseAndDropItFromTheStats() {
        String customerId = customer();
        String first = record(customerId, "10.00", "2026-01-01T10:00:00Z");
        record(customerId, "20.00", "2026-02-01T10:00:00Z");
        String last = record(customerId, "30.00", "2026-03-01T10:00:00Z");

        as("agent").header("If-Match", "\"0\"").body(Map.of("reason", " Refunded ")).post("/api/v1/purchases/" + last + "/void")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("VOID")).body("voidedAt", notNullValue()).body("voidReason", equalTo("Refunded"));
        JsonPath stats = stats(customerId);
        assertThat(stats.getInt("purchaseCount")).isEqualTo(2);
        assertThat(stats.getString("totalSpent")).isEqualTo("30.00");
        assertThat(stats.getString("firstPurchaseAt")).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(stats.getString("lastPurchaseAt")).isEqualTo("2026-02-01T10:00:00Z");

        as("integration").post("/api/v1/purchases/" + first + "/void").then().statusCode(200).body("voidReason", nullValue());
        stats = stats(customerId);
        assertThat(stats.getInt("purchaseCount")).isEqualTo(1);
        assertThat(stats.getString("firstPurchaseAt")).isEqualTo("2026-02-01T10:00:00Z");
    }

    @Test
    void shouldAnswerVoidOfVoidPurchaseUnchanged() {
        String customerId = customer();
        String id = record(customerId, "10.00", "2026-01-01T10:00:00Z");
        String voidedAt = as("agent").body(Map.of("reason", "mistake")).post("/api/v1/purchases/" + id + "/void")
                .then().statusCode(200).extract().path("voidedAt");

        // Also with the If-Match of before the void: the change asked for has already happened.
        as("agent").header("If-Match", "\"0\"").body(Map.of("reason", "other")).post("/api/v1/purchases/" + id + "/void")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("voidedAt", equalTo(voidedAt)).body("voidReason", equalTo("mistake"));
        JsonPath stats = stats(customerId);
        assertThat(stats.getInt("purchaseCount")).isZero();
        assertThat(stats.getString("totalSpent")).isEqualTo("0.00");
        assertThat(stats.getString("firstPurchaseAt")).isNull();
        assertThat(stats.getString("lastPurchaseAt")).isNull();
    }

    @Test
    void shouldReturn412WhenIfMatchOnVoidIsStale() {
        String customerId = customer();
        String id = record(customerId, "10.00", "2026-01-01T10:00:00Z");
        as("agent").header("If-Match", "\"7\"").post("/api/v1/purchases/" + id + "/void").then()
                .statusCode(412).contentType("application/problem+json").header("ETag", equalTo("\"0\""));
        as("agent").get("/api/v1/purchases/" + id).then().body("status", equalTo("RECORDED"));
        assertThat(stats(customerId).getInt("purchaseCount")).isEqualTo(1);
    }

    @Test
    void shouldKeepAVoidedPurchaseForAnIdenticalResend() {
        String customerId = customer();
        Map<String, Object> body = purchase(customerId, "10");
        String id = post("integration", body).then().statusCode(201).extract().path("id");
        as("agent").post("/api/v1/purchases/" + id + "/void").then().statusCode(200);
        post("integration", body).then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("VOID"));
        assertThat(stats(customerId).getInt("purchaseCount")).isZero();
    }

    @Test
    void shouldRejectOverlongReasonAndUnknownPurchase() {
        String id = record(customer(), "1", "2026-01-01T10:00:00Z");
        as("agent").body(Map.of("reason", "r".repeat(501))).post("/api/v1/purchases/" + id + "/void").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as("agent").body(Map.of("why", "x")).post("/api/v1/purchases/" + id + "/void").then()
                .statusCode(400).body("errors[0].field", equalTo("why"));
        as("agent").post("/api/v1/purchases/" + newId() + "/void").then().statusCode(404);
    }

    @Test
    void shouldVoidWithoutBodyOrContentType() throws Exception {
        String id = record(customer(), "1", "2026-01-01T10:00:00Z");
        // REST Assured would add a form Content-Type to an empty POST; a plain client sends none.
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/v1/purchases/" + id + "/void"))
                .header("Authorization", "Bearer " + ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"VOID\"");

        as("agent").contentType("text/plain").body("x").post("/api/v1/purchases/" + id + "/void").then().statusCode(415);
    }
}
