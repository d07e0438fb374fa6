package io.clientbook.task;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientbook.ApiTest;
import io.restassured.path.json.JsonPath;

/** Data the task tests create for themselves: customers with consent, purchases, and reads of tasks and skips. */
final class TaskFixtures extends ApiTest {

    private TaskFixtures() {
    }

    /** A customer with an owner, consenting to the given channels, preferring the first of them (if any). */
    static String customer(String preferred, String... consented) {
        Map<String, Object> consent = new LinkedHashMap<>();
        for (String channel : consented) {
            consent.put(channel, Map.of("granted", true));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastName", unique("Follow"));
        body.put("owner", "owner-" + unique("o"));
        body.put("consent", consent);
        if (preferred != null) {
            body.put("preferredChannel", preferred);
        }
        return asAdmin().body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> purchase(String customerId, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("externalId", unique("order"));
        body.put("occurredAt", occurredAt.toString());
        body.put("amount", 49.9);
        body.put("currency", "EUR");
        body.put("product", "Desk lamp");
        return body;
    }

    /** The customer's tasks as JSON (all statuses, first page of 200), purchases' follow-ups made. */
    static JsonPath tasks(String customerId) {
        awaitPurchaseFollowUps();
        return asAdmin().get("/api/v1/customers/" + customerId + "/tasks?limit=200").then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> tasksOfType(String customerId, String type) {
        return tasks(customerId).<Map<String, Object>>getList("items").stream().filter(t -> type.equals(t.get("type"))).toList();
    }

    static List<Map<String, Object>> skips(String customerId) {
        awaitPurchaseFollowUps();
        return asAdmin().get("/api/v1/follow-up-rules/skips?customerId=" + customerId).then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}
