package io.clientbook.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookResourceTest extends ApiTest {

    private static final String URL = "https://hooks.example.com/clientbook";

    @Test
    void shouldCreateShowOnceListGetAndDeleteAWebhook() {
        var created = asAdmin().body(Map.of("url", URL, "eventTypes", List.of("purchase.recorded", "customer.erased",
                "purchase.recorded"), "description", "Loyalty")).post("/api/v1/webhooks")
                .then().statusCode(201).header("ETag", "\"0\"").extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/webhooks/" + id);
        assertThat((String) created.path("secret")).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat((List<String>) created.path("eventTypes")).containsExactly("purchase.recorded", "customer.erased");

        asAdmin().get("/api/v1/webhooks/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("url", equalTo(URL)).body("description", equalTo("Loyalty")).body("secret", nullValue())
                .body("createdBy", org.hamcrest.Matchers.notNullValue());
        asAdmin().queryParam("limit", 200).get("/api/v1/webhooks").then().statusCode(200).body("items.id", hasItem(id));
        asAdmin().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200).body("items", org.hamcrest.Matchers.empty())
                .body("nextCursor", nullValue());

        asAdmin().header("If-Match", "\"7\"").delete("/api/v1/webhooks/" + id).then().statusCode(412);
        asAdmin().header("If-Match", "\"0\"").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/webhooks/" + id).then().statusCode(404);
        asAdmin().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void shouldRejectABadUrlNamingIt() {
        for (String url : List.of("ftp://hooks.example.com/x", "not a url", "/relative/path", "https://user:pw@example.com/x",
                "https:///nohost", "")) {
            asAdmin().body(Map.of("url", url, "eventTypes", List.of("customer.created"))).post("/api/v1/webhooks")
                    .then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void shouldRejectUnknownOrMissingEventTypesNamingThem() {
        asAdmin().body(Map.of("url", URL, "eventTypes", List.of("customer.created", "customer.deleted")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("eventTypes[1]"));
        asAdmin().body(Map.of("url", URL, "eventTypes", List.of())).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        asAdmin().body(Map.of("url", URL)).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        asAdmin().body(Map.of("url", URL, "eventTypes", List.of("customer.created"), "secret", "mine"))
                .post("/api/v1/webhooks").then().statusCode(400);
    }

    @Test
    void shouldRejectABadDeliveryStateOrCursor() {
        String id = asAdmin().body(Map.of("url", URL, "eventTypes", List.of("customer.created"))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        try {
            asAdmin().queryParam("state", "LOST").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(400)
                    .body("errors[0].field", equalTo("state"));
            asAdmin().queryParam("cursor", "nope").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        } finally {
            asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }
}
