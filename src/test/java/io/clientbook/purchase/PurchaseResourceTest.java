package io.clientbook.purchase;

import static io.clientbook.purchase.PurchaseFixtures.customer;
import static io.clientbook.purchase.PurchaseFixtures.json;
import static io.clientbook.purchase.PurchaseFixtures.money;
import static io.clientbook.purchase.PurchaseFixtures.newId;
import static io.clientbook.purchase.PurchaseFixtures.post;
import static io.clientbook.purchase.PurchaseFixtures.purchase;
import static io.clientbook.purchase.PurchaseFixtures.stats;
import static io.clientbook.purchase.PurchaseFixtures.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PurchaseResourceTest extends ApiTest {

    @Inject
    EntityManager em;

    @Test
    void shouldRecordPurchaseAndCountItInCustomerStats() {
        String customerId = customer();
        Map<String, Object> body = purchase(customerId, "129.9", "2026-03-01T10:15:30+01:00");
        var response = post("integration", body);
        response.then().statusCode(201)
                .header("Location", containsString("/api/v1/purchases/"))
                .header("ETag", equalTo("\"0\""))
                .body("customerId", equalTo(customerId))
                .body("externalId", equalTo(body.get("externalId")))
                .body("occurredAt", equalTo("2026-03-01T09:15:30Z"))
                .body("currency", equalTo("EUR"))
                .body("product", equalTo("Espresso machine"))
                .body("channel", equalTo("ONLINE"))
                .body("status", equalTo("RECORDED"))
                .body("voidedAt", nullValue())
                .body("createdAt", notNullValue());
        assertThat(json(response).getString("amount")).isEqualTo("129.90");

        String id = response.path("id");
        as("analyst").get("/api/v1/purchases/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("externalId", equalTo(body.get("externalId")));

        JsonPath stats = stats(customerId);
        assertThat(stats.getInt("purchaseCount")).isEqualTo(1);
        assertThat(stats.getString("totalSpent")).isEqualTo("129.90");
        assertThat(stats.getString("firstPurchaseAt")).isEqualTo("2026-03-01T09:15:30Z");
        assertThat(stats.getString("lastPurchaseAt")).isEqualTo("2026-03-01T09:15:30Z");
    }

    @Test
    void shouldRecordPurchaseForCustomerNamedByExternalRef() {
        String ref = unique("shop");
        String customerId = customer(ref);
        Map<String, Object> body = with(with(purchase(customerId, "10"), "customerId", null), "customerExternalRef", ref);
        post("integration", body).then().statusCode(201)
                .body("customerId", equalTo(customerId))
                .body("customerExternalRef", equalTo(ref));
    }

    @Test
    void shouldAnswerIdenticalResendWith200AndTheStoredPurchase() {
        String ref = unique("shop");
        String customerId = customer(ref);
        Map<String, Object> body = purchase(customerId, "12.5", "2026-03-01T10:00:00Z");
        String id = post("integration", body).then().statusCode(201).extract().path("id");

        post("integration", body).then().statusCode(200).header("ETag", equalTo("\"0\"")).body("id", equalTo(id));
        // The same purchase said differently: the customer by ref, 12.50, the same instant at another offset.
        Map<String, Object> same = with(with(with(with(body, "customerId", null), "customerExternalRef", ref),
                "amount", money("12.500")), "occurredAt", "2026-03-01T12:00:00+02:00");
        post("agent", same).then().statusCode(200).body("id", equalTo(id));

        assertThat(stats(customerId).getInt("purchaseCount")).isEqualTo(1);
    }

    @Test
    void shouldReturn409NamingWhatDiffersWhenExternalIdIsReusedWithOtherContent() {
        String customerId = customer();
        Map<String, Object> body = purchase(customerId, "12.50");
        String id = post("integration", body).then().statusCode(201).extract().path("id");

        post("integration", with(with(body, "amount", money("13")), "product", null)).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:clientbook:problem:purchase-conflict"))
                .body("existingId", equalTo(id))
                .body("detail", containsString("amount, product"))
                .body("errors.field", containsInAnyOrder("amount", "product"))
                .body("errors.find { it.field == 'amount' }.message", containsString("12.50"));
        post("integration", with(body, "customerId", customer())).then()
                .statusCode(409).body("errors.field", containsInAnyOrder("customerId"));

        assertThat(stats(customerId).getString("totalSpent")).isEqualTo("12.50");
    }

    @Test
    void shouldReturn422NamingCurrencyWhenItIsNotTheDeploymentsCurrency() {
        String customerId = customer();
        post("integration", with(purchase(customerId, "10"), "currency", "USD")).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:clientbook:problem:currency-not-accepted"))
                .body("errors[0].field", equalTo("currency"))
                .body("errors[0].message", equalTo("must be EUR"));
        assertThat(stats(customerId).getInt("purchaseCount")).isZero();
    }

    @Test
    void shouldReturn422NamingTheFieldWhenCustomerIsUnknown() {
        post("integration", purchase(newId(), "10")).then()
                .statusCode(422).body("type", equalTo("urn:clientbook:problem:unknown-customer"))
                .body("errors[0].field", equalTo("customerId"));
        post("integration", with(with(purchase(newId(), "10"), "customerId", null), "customerExternalRef", unique("none")))
                .then().statusCode(422).body("errors[0].field", equalTo("customerExternalRef"));
    }

    @Test
    void shouldReturn422WhenCustomerWasErased() {
        String customerId = customer();
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE customer SET erased_at = now() WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, customerId).executeUpdate());
        post("integration", purchase(customerId, "10")).then()
                .statusCode(422).body("type", equalTo("urn:clientbook:problem:customer-erased"))
                .body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void shouldRejectInvalidFieldsNamingEachOne() {
        String customerId = customer();
        String future = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        post("integration", Map.of("customerId", customerId, "customerExternalRef", "x", "externalId", " ",
                "occurredAt", future, "amount", money("-1.234"), "currency", "eur", "channel", "x".repeat(51)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("customerId", "externalId", "occurredAt", "amount", "currency", "channel"));
        post("integration", Map.of("externalId", "o-1")).then().statusCode(400)
                .body("errors.field", hasItems("customerId", "occurredAt", "amount", "currency"));
        post("integration", with(purchase(customerId, "100000000"), "product", "p".repeat(201))).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("amount", "product"));
        // A control character is a validation error, reported with the others; a NUL cannot even be read as
        // text the database can store, so it is answered while the body is read, like a wrong type, on its own.
        post("integration", with(purchase(customerId, "1.001"), "externalId", "o\u0007x")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("amount", "externalId"))
                .body("errors.find { it.field == 'amount' }.message", equalTo("must have at most 2 decimals"));
        post("integration", with(purchase(customerId, "1.001"), "externalId", "o\u0000x")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("externalId"));
        post("integration", with(purchase(customerId, "1"), "occurredAt", "2026-03-01T10:00:00")).then().statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        post("integration", with(purchase(customerId, "1"), "occurredAt", 1767225600)).then().statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        post("integration", with(purchase(customerId, "1"), "amount", "12.50")).then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        post("integration", with(purchase(customerId, "1"), "customerId", "not-a-uuid")).then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        assertThat(stats(customerId).getInt("purchaseCount")).isZero();
    }

    @Test
    void shouldRejectUnknownProperty() {
        post("integration", with(purchase(customer(), "1"), "discount", 5)).then().statusCode(400)
                .body("errors[0].field", equalTo("discount")).body("errors[0].message", equalTo("unknown property"));
    }

    @Test
    void shouldReplayIdempotencyKey() {
        String customerId = customer();
        Map<String, Object> body = purchase(customerId, "5");
        String key = unique("idem");
        String id = as("integration").header("Idempotency-Key", key).body(body).post("/api/v1/purchases").then()
                .statusCode(201).extract().path("id");
        as("integration").header("Idempotency-Key", key).body(body).post("/api/v1/purchases").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as("integration").header("Idempotency-Key", key).body(purchase(customerId, "6")).post("/api/v1/purchases").then()
                .statusCode(422).body("type", equalTo("urn:clientbook:problem:idempotency-key-reused"));
    }

    @Test
    void shouldAnswer404ForUnknownPurchase() {
        as("agent").get("/api/v1/purchases/" + newId()).then().statusCode(404).contentType("application/problem+json");
        as("agent").get("/api/v1/purchases/nope").then().statusCode(404);
    }

    @Test
    void shouldLetOnlyWritingRolesRecordAndEveryRoleRead() {
        String customerId = customer();
        post("analyst", purchase(customerId, "1")).then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(purchase(customerId, "1")).post("/api/v1/purchases").then()
                .statusCode(401).contentType("application/problem+json");
        String id = post("agent", purchase(customerId, "1")).then().statusCode(201).extract().path("id");
        post("admin", purchase(customerId, "1")).then().statusCode(201);
        for (String role : new String[] { "admin", "agent", "analyst", "integration" }) {
            as(role).get("/api/v1/purchases/" + id).then().statusCode(200);
        }
        given().get("/api/v1/purchases/" + id).then().statusCode(401);
        as("analyst").post("/api/v1/purchases/" + id + "/void").then().statusCode(403);
        as("analyst").body(Map.of("purchases", java.util.List.of(purchase(customerId, "1"))))
                .post("/api/v1/purchases/batch").then().statusCode(403);
    }

    @Test
    void shouldRejectMalformedJson() {
        as("integration").body("{\"externalId\": ").post("/api/v1/purchases").then().statusCode(400)
                .contentType("application/problem+json");
        as("integration").body("").post("/api/v1/purchases").then().statusCode(400)
                .body("errors.field", hasItem("body"));
    }
}
