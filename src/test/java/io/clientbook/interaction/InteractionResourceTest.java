package io.clientbook.interaction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.customer.CustomerRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class InteractionResourceTest extends ApiTest {

    @Inject
    CustomerRepository customers;

    static String createCustomer() {
        return as("agent").body(Map.of("lastName", unique("Contact"))).post("/api/v1/customers").then()
                .statusCode(201).extract().path("id");
    }

    static String log(String customerId, String channel, String direction, Instant occurredAt) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", channel, "direction", direction, "summary", "Talked"));
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt.toString());
        }
        return as("agent").body(body).post(path(customerId)).then().statusCode(201).extract().path("id");
    }

    static String path(String customerId) {
        return "/api/v1/customers/" + customerId + "/interactions";
    }

    @Test
    void shouldLogAContactAndReadItBack() {
        String customerId = createCustomer();
        ExtractableResponse<Response> created = as("agent").body("""
                {"channel": "PHONE", "direction": "OUTBOUND", "occurredAt": "2026-11-20T14:00:00Z",
                 "summary": " Called about the damaged parcel ", "outcome": "Replacement agreed"}""")
                .post(path(customerId)).then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("customerId", equalTo(customerId))
                .body("channel", equalTo("PHONE"))
                .body("direction", equalTo("OUTBOUND"))
                .body("occurredAt", equalTo("2026-11-20T14:00:00Z"))
                .body("summary", equalTo("Called about the damaged parcel"))
                .body("outcome", equalTo("Replacement agreed"))
                .body("recordedBy", equalTo("test-agent"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/customers/" + customerId + "/interactions/" + id);

        as("analyst").get(path(customerId) + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("summary", equalTo("Called about the damaged parcel"));
    }

    @Test
    void shouldDefaultOccurredAtToNowAndRecordTheCallingKey() {
        Instant before = Instant.now().minusSeconds(1);
        String customerId = createCustomer();
        var body = asAdmin().body(Map.of("channel", "EMAIL", "direction", "INBOUND", "summary", "Asked for an invoice"))
                .post(path(customerId)).then().statusCode(201).body("outcome", nullValue()).extract();
        assertThat(Instant.parse(body.path("occurredAt"))).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(body.<String>path("recordedBy")).isEqualTo("bootstrap-admin");
    }

    @Test
    void shouldRejectInvalidFieldsNamingEachOne() {
        String customerId = createCustomer();
        as("agent").body("{}").post(path(customerId)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("channel", "direction", "summary"));
        as("agent").body(Map.of("channel", "PHONE", "direction", "INBOUND", "summary", "s".repeat(2001),
                "outcome", "o".repeat(1001), "occurredAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString()))
                .post(path(customerId)).then()
                .statusCode(400).body("errors.field", hasItems("summary", "outcome", "occurredAt"));
        as("agent").body(Map.of("channel", "FAX", "direction", "INBOUND", "summary", "s")).post(path(customerId)).then()
                .statusCode(400).body("errors[0].field", equalTo("channel"));
        as("agent").body(Map.of("channel", "PHONE", "direction", "SIDEWAYS", "summary", "s")).post(path(customerId)).then()
                .statusCode(400).body("errors[0].field", equalTo("direction"));
        as("agent").body(Map.of("channel", "PHONE", "direction", "INBOUND", "summary", "s", "mood", "happy"))
                .post(path(customerId)).then()
                .statusCode(400).body("errors[0].field", equalTo("mood")).body("errors[0].message", equalTo("unknown property"));
    }

    @Test
    void shouldAllowAClockAFewMinutesAhead() {
        String customerId = createCustomer();
        as("agent").body(Map.of("channel", "SMS", "direction", "OUTBOUND", "summary", "Reminder",
                "occurredAt", Instant.now().plus(2, ChronoUnit.MINUTES).toString()))
                .post(path(customerId)).then().statusCode(201);
    }

    @Test
    void shouldListNewestFirstAndFilter() {
        String customerId = createCustomer();
        Instant t = Instant.parse("2026-10-01T12:00:00Z");
        String middle = log(customerId, "PHONE", "INBOUND", t);
        String oldest = log(customerId, "EMAIL", "OUTBOUND", t.minus(3, ChronoUnit.DAYS));
        String newest = log(customerId, "PHONE", "OUTBOUND", t.plus(1, ChronoUnit.HOURS));

        as("analyst").get(path(customerId)).then().statusCode(200)
                .body("items.id", equalTo(List.of(newest, middle, oldest))).body("nextCursor", nullValue());
        as("agent").queryParam("channel", "PHONE").get(path(customerId)).then()
                .body("items.id", equalTo(List.of(newest, middle)));
        as("agent").queryParam("direction", "OUTBOUND").get(path(customerId)).then()
                .body("items.id", equalTo(List.of(newest, oldest)));
        as("agent").queryParam("channel", "PHONE").queryParam("direction", "INBOUND").get(path(customerId)).then()
                .body("items.id", equalTo(List.of(middle)));
    }

    @Test
    void shouldPageWithoutGapsOrRepeats() {
        String customerId = createCustomer();
        Instant t = Instant.parse("2026-09-01T08:00:00Z");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, log(customerId, "VISIT", "INBOUND", t.plus(i, ChronoUnit.MINUTES)));
        }
        // Two at the very same moment: the id breaks the tie, so paging stays exact.
        newestFirst.add(log(customerId, "VISIT", "INBOUND", t.minusSeconds(60)));
        newestFirst.add(log(customerId, "VISIT", "INBOUND", t.minusSeconds(60)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification spec = as("agent").queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get(path(customerId)).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(newestFirst.subList(0, 5));
        assertThat(seen.subList(5, 7)).containsExactlyInAnyOrderElementsOf(newestFirst.subList(5, 7));
    }

    @Test
    void shouldRejectBadFilterValues() {
        String customerId = createCustomer();
        as("agent").queryParam("channel", "FAX").get(path(customerId)).then()
                .statusCode(400).body("errors[0].field", equalTo("channel"));
        as("agent").queryParam("direction", "UP").get(path(customerId)).then()
                .statusCode(400).body("errors[0].field", equalTo("direction"));
        as("agent").queryParam("cursor", "nope").get(path(customerId)).then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomerOrEntry() {
        String unknown = UUID.randomUUID().toString();
        as("agent").body(Map.of("channel", "PHONE", "direction", "INBOUND", "summary", "s")).post(path(unknown)).then()
                .statusCode(404).contentType("application/problem+json");
        as("agent").get(path(unknown)).then().statusCode(404).contentType("application/problem+json");
        as("agent").get(path("not-a-uuid")).then().statusCode(404);

        String customerId = createCustomer();
        String id = log(customerId, "PHONE", "INBOUND", null);
        as("agent").get(path(customerId) + "/" + UUID.randomUUID()).then().statusCode(404);
        as("agent").get(path(createCustomer()) + "/" + id).then().statusCode(404);
        as("agent").get(path(unknown) + "/" + id).then().statusCode(404);
    }

    @Test
    void shouldTreatAnErasedCustomerAsUnknown() {
        String customerId = createCustomer();
        String id = log(customerId, "PHONE", "INBOUND", null);
        QuarkusTransaction.requiringNew().run(() -> customers.findById(UUID.fromString(customerId)).erasedAt = Instant.now());

        as("agent").body(Map.of("channel", "PHONE", "direction", "INBOUND", "summary", "s")).post(path(customerId)).then()
                .statusCode(404);
        as("agent").get(path(customerId)).then().statusCode(404);
        as("agent").get(path(customerId) + "/" + id).then().statusCode(404);
    }

    @Test
    void shouldLetAgentsAndAdminsWriteAndAnalystsOnlyRead() {
        String customerId = createCustomer();
        Map<String, String> body = Map.of("channel", "PHONE", "direction", "INBOUND", "summary", "s");
        as("analyst").body(body).post(path(customerId)).then().statusCode(403).contentType("application/problem+json");
        as("integration").body(body).post(path(customerId)).then().statusCode(403);
        given().contentType("application/json").body(body).post(path(customerId)).then().statusCode(401);
        String id = asAdmin().body(body).post(path(customerId)).then().statusCode(201).extract().path("id");

        as("integration").get(path(customerId)).then().statusCode(403);
        as("integration").get(path(customerId) + "/" + id).then().statusCode(403);
        given().get(path(customerId)).then().statusCode(401);
        as("analyst").get(path(customerId)).then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void shouldReplayIdempotentCreate() {
        String customerId = createCustomer();
        String key = unique("idem");
        String body = "{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"summary\": \"Once\"}";
        String id = as("agent").header("Idempotency-Key", key).body(body).post(path(customerId)).then()
                .statusCode(201).extract().path("id");
        as("agent").header("Idempotency-Key", key).body(body).post(path(customerId)).then()
                .statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith(path(customerId) + "/" + id)).body("id", equalTo(id));
        as("agent").get(path(customerId)).then().body("items.id", equalTo(List.of(id)));

        as("agent").header("Idempotency-Key", key).body(body).post(path(createCustomer())).then()
                .statusCode(422).contentType("application/problem+json");
    }
}
