package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.clientbook.ApiTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What the tier tests build through the API: customers, purchases in the past, runs awaited to the end. */
abstract class TierFixtures extends ApiTest {

    static String customer() {
        return as("agent").body(Map.of("lastName", "Tiered", "externalRef", unique("tier")))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    /** Records a purchase {@code ago} before now; returns its id. */
    static String purchase(String customerId, String amount, Duration ago) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("externalId", unique("tier-order"));
        body.put("occurredAt", Instant.now().minus(ago).toString());
        body.put("amount", new BigDecimal(amount));
        body.put("currency", "EUR");
        body.put("product", "Tea set");
        body.put("channel", "ONLINE");
        return as("integration").body(body).post("/api/v1/purchases").then().statusCode(201).extract().path("id");
    }

    static void voidPurchase(String purchaseId) {
        as("agent").body(Map.of("reason", "refund")).post("/api/v1/purchases/" + purchaseId + "/void")
                .then().statusCode(200);
    }

    /** Starts a run (202 + Location) and returns its id; waits first for a run another test started. */
    static String startRun() {
        awaitIdle();
        Response r = asAdmin().post("/api/v1/tier-runs");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        String id = r.path("id");
        assertThat(r.header("Location")).endsWith("/api/v1/tier-runs/" + id);
        return id;
    }

    /** Polls the run until it is no longer RUNNING. */
    static JsonPath awaitRun(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath run = asAdmin().get("/api/v1/tier-runs/" + runId).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(run.getString("status"))) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tier run " + runId + " still RUNNING after 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until no run is RUNNING (another test class may have started one and not waited for it). */
    static void awaitIdle() {
        String latest = asAdmin().queryParam("limit", 1).get("/api/v1/tier-runs").then().statusCode(200)
                .extract().path("items[0].id");
        if (latest != null) {
            awaitRun(latest);
        }
    }

    static JsonPath runToSuccess() {
        JsonPath run = awaitRun(startRun());
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("SUCCEEDED");
        return run;
    }

    static JsonPath customerJson(String id) {
        return asAdmin().get("/api/v1/customers/" + id).then().statusCode(200).extract().jsonPath();
    }
}
