package io.clientbook.purchase;

import static io.clientbook.purchase.PurchaseFixtures.customer;
import static io.clientbook.purchase.PurchaseFixtures.json;
import static io.clientbook.purchase.PurchaseFixtures.money;
import static io.clientbook.purchase.PurchaseFixtures.newId;
import static io.clientbook.purchase.PurchaseFixtures.post;
import static io.clientbook.purchase.PurchaseFixtures.purchase;
import static io.clientbook.purchase.PurchaseFixtures.stats;
import static io.clientbook.purchase.PurchaseFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class PurchaseBatchTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response batch(List<?> items) {
        return batchBody(Map.of("purchases", items));
    }

    private static Response batchBody(Object body) {
        return as("integration").body(body).post("/api/v1/purchases/batch");
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldStoreGoodItemsAndReportEachBadOneAtItsIndex() {
        String customerId = customer();
        String otherRef = unique("shop");
        String otherCustomer = customer(otherRef);
        Map<String, Object> stored = purchase(customerId, "7.00", "2026-01-01T08:00:00Z");
        post("integration", stored).then().statusCode(201);
        Map<String, Object> twice = purchase(customerId, "3.00", "2026-01-03T08:00:00Z");

        List<Object> items = new ArrayList<>();
        items.add(purchase(customerId, "10.00", "2026-01-02T10:00:00Z"));                      // 0 created
        items.add(with(purchase(customerId, "1"), "amount", "12.50"));                          // 1 type error
        items.add(with(purchase(customerId, "1"), "amount", money("-5")));                      // 2 invalid value
        items.add(purchase(newId(), "1"));                                                     // 3 unknown customer
        items.add(with(purchase(customerId, "1"), "currency", "USD"));                          // 4 wrong currency
        items.add(stored);                                                                    // 5 duplicate of stored
        items.add(with(stored, "amount", money("8")));                                          // 6 conflicts with stored
        items.add(twice);                                                                     // 7 created
        items.add(twice);                                                                     // 8 duplicate within batch
        items.add(with(twice, "channel", "STORE"));                                             // 9 conflict within batch
        items.add(42);                                                                        // 10 not an object
        items.add(with(with(purchase(otherCustomer, "5.55", "2026-01-04T09:00:00Z"), "customerId", null),
                "customerExternalRef", otherRef));                                             // 11 created, by ref
        items.add(with(purchase(customerId, "1"), "coupon", "X"));                              // 12 unknown property

        Response response = batch(items);
        response.then().statusCode(200)
                .body("created", equalTo(3)).body("duplicates", equalTo(2)).body("errors", equalTo(8))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))
                .body("results.status", equalTo(List.of("CREATED", "ERROR", "ERROR", "ERROR", "ERROR", "DUPLICATE",
                        "ERROR", "CREATED", "DUPLICATE", "ERROR", "ERROR", "CREATED", "ERROR")))
                .body("results[0].problem", nullValue())
                .body("results[0].purchase.customerId", equalTo(customerId))
                .body("results[1].purchase", nullValue())
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.errors[0].field", equalTo("purchases[1].amount"))
                .body("results[2].problem.errors[0].field", equalTo("purchases[2].amount"))
                .body("results[3].problem.status", equalTo(422))
                .body("results[3].problem.type", equalTo("urn:clientbook:problem:unknown-customer"))
                .body("results[3].problem.errors[0].field", equalTo("purchases[3].customerId"))
                .body("results[3].problem.instance", equalTo("/api/v1/purchases/batch"))
                .body("results[4].problem.type", equalTo("urn:clientbook:problem:currency-not-accepted"))
                .body("results[4].problem.errors[0].field", equalTo("purchases[4].currency"))
                .body("results[6].problem.status", equalTo(409))
                .body("results[6].problem.errors[0].field", equalTo("purchases[6].amount"))
                .body("results[8].purchase.id", equalTo(response.path("results[7].purchase.id")))
                .body("results[9].problem.status", equalTo(409))
                .body("results[9].problem.errors[0].field", equalTo("purchases[9].channel"))
                .body("results[10].problem.errors[0].field", equalTo("purchases[10]"))
                .body("results[11].purchase.customerExternalRef", equalTo(otherRef))
                .body("results[12].problem.errors[0].field", equalTo("purchases[12].coupon"));

        JsonPath stats = stats(customerId);
        assertThat(stats.getInt("purchaseCount")).isEqualTo(3);
        assertThat(stats.getString("totalSpent")).isEqualTo("20.00");
        assertThat(stats.getString("firstPurchaseAt")).isEqualTo("2026-01-01T08:00:00Z");
        assertThat(stats.getString("lastPurchaseAt")).isEqualTo("2026-01-03T08:00:00Z");
        assertThat(stats(otherCustomer).getString("totalSpent")).isEqualTo("5.55");
    }

    @Test
    void shouldReportEveryItemAsDuplicateWhenTheBatchIsResent() {
        String customerId = customer();
        List<Object> items = List.of(purchase(customerId, "1.10"), purchase(customerId, "2.20"));
        batch(items).then().statusCode(200).body("created", equalTo(2));
        batch(items).then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(2));
        assertThat(stats(customerId).getString("totalSpent")).isEqualTo("3.30");
    }

    @Test
    void shouldKeepAmountsExactInsteadOfReadingThemAsDoubles() {
        String customerId = customer();
        String item = text(purchase(customerId, "1")).replace("\"amount\":1", "\"amount\":12.0000000000000001");
        String exact = text(purchase(customerId, "1")).replace("\"amount\":1", "\"amount\":99999999.99");
        Response response = batchBody("{\"purchases\": [" + item + ", " + exact + "]}");
        response.then().statusCode(200).body("results.status", equalTo(List.of("ERROR", "CREATED")))
                .body("results[0].problem.errors[0].field", equalTo("purchases[0].amount"));
        assertThat(json(response).getString("results[1].purchase.amount")).isEqualTo("99999999.99");
    }

    @Test
    void shouldRejectBatchesThatAreNotBatches() {
        String customerId = customer();
        List<Object> tooMany = new ArrayList<>();
        Map<String, Object> one = purchase(customerId, "1");
        for (int i = 0; i < 1001; i++) {
            tooMany.add(one);
        }
        batch(tooMany).then().statusCode(400).body("errors[0].field", equalTo("purchases"))
                .body("errors[0].message", containsString("at most 1000"))
                .body("errors[0].message", containsString("this batch has 1001"));
        batch(List.of()).then().statusCode(400).body("errors[0].field", equalTo("purchases"));
        batchBody(Map.of()).then().statusCode(400).body("errors[0].field", equalTo("purchases"));
        batchBody(Map.of("purchases", "x")).then().statusCode(400).body("errors[0].field", equalTo("purchases"));
        batchBody(Map.of("purchases", List.of(one), "mode", "fast")).then().statusCode(400)
                .body("errors.field", hasItem("mode"));
        batchBody("[]").then().statusCode(400);
        batchBody("{\"purchases\": null}").then().statusCode(400).body("errors[0].field", equalTo("purchases"));
        // An unknown member after the items is found as well: the reader streams through the whole envelope.
        batchBody("{\"purchases\": [{}], \"mode\": {\"deep\": [1, 2]}}").then().statusCode(400)
                .body("errors.field", hasItem("mode"));
        batchBody("{\"purchases\": [").then().statusCode(400).contentType("application/problem+json");
        batchBody("{\"purchases\": [" + text(one) + "]} {}").then().statusCode(400).contentType("application/problem+json");
        assertThat(stats(customerId).getInt("purchaseCount")).isZero();
    }

    @Test
    void shouldAcceptAThousandItemsAndCountThemOncePerCustomer() {
        String a = customer();
        String b = customer();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(purchase(i % 2 == 0 ? a : b, "1.01", "2026-01-01T00:00:00Z"));
        }
        batch(items).then().statusCode(200).body("created", equalTo(1000)).body("errors", equalTo(0));
        assertThat(stats(a).getInt("purchaseCount")).isEqualTo(500);
        assertThat(stats(a).getString("totalSpent")).isEqualTo("505.00");
        assertThat(stats(b).getString("totalSpent")).isEqualTo("505.00");
    }

    @Test
    void shouldReportAnItemThatIsNotAnObjectAtItsIndex() {
        String customerId = customer();
        batchBody("{\"purchases\": [null, 7, " + text(purchase(customerId, "1")) + "]}").then().statusCode(200)
                .body("created", equalTo(1)).body("errors", equalTo(2))
                .body("results[0].problem.errors[0].field", equalTo("purchases[0]"))
                .body("results[1].problem.errors[0].field", equalTo("purchases[1]"));
    }

    @Test
    void shouldFingerprintTheWholeBatchForAnIdempotencyKey() {
        String customerId = customer();
        String key = unique("idem");
        Map<String, Object> first = purchase(customerId, "1");
        Map<String, Object> second = purchase(customerId, "2");
        as("integration").header("Idempotency-Key", key).body(Map.of("purchases", List.of(first, second)))
                .post("/api/v1/purchases/batch").then().statusCode(200).body("created", equalTo(2));
        Map<String, Object> changed = new java.util.HashMap<>(second);
        changed.put("amount", new java.math.BigDecimal("3"));
        as("integration").header("Idempotency-Key", key).body(Map.of("purchases", List.of(first, changed)))
                .post("/api/v1/purchases/batch").then().statusCode(422).body("type", containsString("idempotency-key-reused"));
    }

    @Test
    void shouldReplayIdempotencyKey() {
        String customerId = customer();
        List<Object> items = List.of(purchase(customerId, "1"));
        String key = unique("idem");
        as("integration").header("Idempotency-Key", key).body(Map.of("purchases", items)).post("/api/v1/purchases/batch")
                .then().statusCode(200).body("created", equalTo(1));
        as("integration").header("Idempotency-Key", key).body(Map.of("purchases", items)).post("/api/v1/purchases/batch")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("created", equalTo(1));
    }
}
