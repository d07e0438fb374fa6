package io.clientbook.purchase;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.clientbook.ApiTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/** Data the purchase tests create for themselves: customers and purchase bodies. */
final class PurchaseFixtures extends ApiTest {

    private PurchaseFixtures() {
    }

    /** A new customer with an external ref; returns its id. */
    static String customer(String externalRef) {
        return as("agent").body(Map.of("lastName", "Buyer", "externalRef", externalRef))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static String customer() {
        return customer(unique("cust"));
    }

    /** A valid purchase body for the customer, with a fresh externalId. */
    static Map<String, Object> purchase(String customerId, String amount, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("externalId", unique("order"));
        body.put("occurredAt", occurredAt);
        body.put("amount", new BigDecimal(amount));
        body.put("currency", "EUR");
        body.put("product", "Espresso machine");
        body.put("channel", "ONLINE");
        return body;
    }

    static Map<String, Object> purchase(String customerId, String amount) {
        return purchase(customerId, amount, "2026-03-01T10:00:00Z");
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    static Response post(String role, Object body) {
        return as(role).body(body).post("/api/v1/purchases");
    }

    /** The body with JSON numbers as BigDecimal, so amounts compare exactly. */
    static JsonPath json(Response response) {
        return new JsonPath(response.asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** The customer's stats as a JSON path: purchaseCount, totalSpent, firstPurchaseAt, lastPurchaseAt. */
    static JsonPath stats(String customerId) {
        return json(given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON)
                .get("/api/v1/customers/" + customerId)).setRootPath("stats");
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
