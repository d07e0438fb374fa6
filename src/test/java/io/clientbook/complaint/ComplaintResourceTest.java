package io.clientbook.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.customer.CustomerRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ComplaintResourceTest extends ApiTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    CustomerRepository customers;

    static String createCustomer() {
        return as("agent").body(Map.of("lastName", unique("Complainer"))).post("/api/v1/customers").then()
                .statusCode(201).extract().path("id");
    }

    static String createComplaint(String customerId, String severity) {
        return as("agent").body(Map.of("customerId", customerId, "subject", "Parcel damaged", "severity", severity))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification patching() {
        return as("agent").contentType(MERGE_PATCH);
    }

    private static ValidatableResponse patch(String id, String body) {
        return patching().body(body).patch("/api/v1/complaints/" + id).then();
    }

    @Test
    void shouldRecordAComplaintOpen() {
        String customerId = createCustomer();
        ValidatableResponse created = as("agent").body("""
                {"customerId": "%s", "subject": "  Parcel arrived damaged ", "description": "Box crushed",
                 "severity": "HIGH", "channel": "PHONE", "openedAt": "2026-01-05T09:30:00Z"}""".formatted(customerId))
                .post("/api/v1/complaints").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/complaints/"))
                .header("ETag", equalTo("\"0\""))
                .body("customerId", equalTo(customerId))
                .body("subject", equalTo("Parcel arrived damaged"))
                .body("severity", equalTo("HIGH"))
                .body("channel", equalTo("PHONE"))
                .body("status", equalTo("OPEN"))
                .body("openedAt", equalTo("2026-01-05T09:30:00Z"))
                .body("resolution", nullValue())
                .body("satisfaction", nullValue())
                .body("resolvedAt", nullValue())
                .body("closedAt", nullValue())
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        String id = created.extract().path("id");
        assertThat(created.extract().header("Location")).endsWith("/api/v1/complaints/" + id);

        as("analyst").get("/api/v1/complaints/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"0\"")).body("subject", equalTo("Parcel arrived damaged"));
    }

    @Test
    void shouldDefaultOpenedAtToNow() {
        Instant before = Instant.now().minusSeconds(1);
        String openedAt = as("agent").body(Map.of("customerId", createCustomer(), "subject", "Late", "severity", "LOW"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("openedAt");
        assertThat(Instant.parse(openedAt)).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void shouldRejectInvalidFieldsNamingEachOne() {
        as("agent").body("{}").post("/api/v1/complaints").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("customerId", "subject", "severity"));
        as("agent").body(Map.of("customerId", createCustomer(), "subject", "x".repeat(201), "description", "d".repeat(4001),
                "severity", "LOW", "openedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/complaints").then()
                .statusCode(400)
                .body("errors.field", hasItems("subject", "description", "openedAt"));
        as("agent").body(Map.of("customerId", createCustomer(), "subject", "   ", "severity", "LOW"))
                .post("/api/v1/complaints").then()
                .statusCode(400).body("errors.field", equalTo(List.of("subject")));
        as("agent").body(Map.of("customerId", createCustomer(), "subject", "S", "severity", "URGENT"))
                .post("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("severity"))
                .body("errors[0].message", containsString("CRITICAL"));
        as("agent").body(Map.of("customerId", "not-a-uuid", "subject", "S", "severity", "LOW"))
                .post("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void shouldRejectUnknownProperty() {
        as("agent").body(Map.of("customerId", createCustomer(), "subject", "S", "severity", "LOW", "status", "CLOSED"))
                .post("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"priority\": \"HIGH\"}")
                .statusCode(400).body("errors[0].field", equalTo("priority"))
                .body("errors[0].message", equalTo("unknown property"));
    }

    @Test
    void shouldAnswer422NamingCustomerIdForAnUnknownCustomer() {
        as("agent").body(Map.of("customerId", UUID.randomUUID().toString(), "subject", "S", "severity", "LOW"))
                .post("/api/v1/complaints").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:clientbook:problem:unknown-customer"))
                .body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void shouldTreatAnErasedCustomerAsUnknown() {
        String customerId = createCustomer();
        QuarkusTransaction.requiringNew().run(() -> customers.findById(UUID.fromString(customerId)).erasedAt = Instant.now());

        as("agent").body(Map.of("customerId", customerId, "subject", "S", "severity", "LOW"))
                .post("/api/v1/complaints").then()
                .statusCode(422).body("errors[0].field", equalTo("customerId"));
        as("agent").get("/api/v1/customers/" + customerId + "/complaints").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldMoveThroughEachLegalTransition() {
        String id = createComplaint(createCustomer(), "MEDIUM");

        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("status", equalTo("IN_PROGRESS")).body("resolvedAt", nullValue());
        String resolvedAt = patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Replacement sent\"}").statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("Replacement sent"))
                .body("resolvedAt", notNullValue()).body("closedAt", nullValue())
                .extract().path("resolvedAt");
        patch(id, "{\"satisfaction\": 4}").statusCode(200).body("satisfaction", equalTo(4));
        patch(id, "{\"status\": \"CLOSED\"}").statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue())
                .body("resolvedAt", equalTo(resolvedAt)).body("satisfaction", equalTo(4));
        patch(id, "{\"satisfaction\": 5}").statusCode(200).body("satisfaction", equalTo(5));

        as("agent").get("/api/v1/complaints/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"5\"")).body("status", equalTo("CLOSED"));
    }

    @Test
    void shouldReopenAResolvedComplaintDroppingItsFeedback() {
        String id = createComplaint(createCustomer(), "HIGH");
        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(200);
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Refunded\", \"satisfaction\": 2}").statusCode(200)
                .body("satisfaction", equalTo(2));

        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("resolvedAt", nullValue())
                .body("satisfaction", nullValue())
                .body("resolution", equalTo("Refunded"));
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Replaced instead\"}").statusCode(200)
                .body("resolvedAt", notNullValue());
    }

    @Test
    void shouldAnswer409WithAllowedNextStatesForAnIllegalJump() {
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Quick fix\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:clientbook:problem:illegal-status-transition"))
                .body("currentStatus", equalTo("OPEN"))
                .body("allowedNextStates", equalTo(List.of("IN_PROGRESS")));
        patch(id, "{\"status\": \"CLOSED\"}").statusCode(409).body("allowedNextStates", equalTo(List.of("IN_PROGRESS")));
        as("agent").get("/api/v1/complaints/" + id).then().body("status", equalTo("OPEN")).header("ETag", equalTo("\"0\""));

        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(200);
        patch(id, "{\"status\": \"OPEN\"}").statusCode(409).body("allowedNextStates", equalTo(List.of("RESOLVED")));
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Done\"}").statusCode(200);
        patch(id, "{\"status\": \"CLOSED\"}").statusCode(200);
        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(409)
                .body("currentStatus", equalTo("CLOSED")).body("allowedNextStates", empty());
    }

    @Test
    void shouldRequireAResolutionToResolve() {
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(200);
        patch(id, "{\"status\": \"RESOLVED\"}").statusCode(400).body("errors[0].field", equalTo("resolution"));
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"   \"}").statusCode(400)
                .body("errors[0].field", equalTo("resolution"));
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Refunded\"}").statusCode(200);
        patch(id, "{\"resolution\": null}").statusCode(400).body("errors[0].field", equalTo("resolution"));
    }

    @Test
    void shouldRejectSatisfactionBeforeResolution() {
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"satisfaction\": 3}").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:clientbook:problem:complaint-not-resolved"))
                .body("errors[0].field", equalTo("satisfaction"));
        patch(id, "{\"status\": \"IN_PROGRESS\", \"satisfaction\": 3}").statusCode(409)
                .body("errors[0].field", equalTo("satisfaction"));
        as("agent").get("/api/v1/complaints/" + id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void shouldRejectSatisfactionOutOfRange() {
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(200);
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Refunded\"}").statusCode(200);
        for (String bad : List.of("0", "6", "-1", "4.5", "\"4\"")) {
            patch(id, "{\"satisfaction\": " + bad + "}").statusCode(400).body("errors[0].field", equalTo("satisfaction"));
        }
        patch(id, "{\"satisfaction\": 1}").statusCode(200).body("satisfaction", equalTo(1));
    }

    @Test
    void shouldOnlyTakeSatisfactionOnceClosed() {
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"status\": \"IN_PROGRESS\"}").statusCode(200);
        patch(id, "{\"status\": \"RESOLVED\", \"resolution\": \"Refunded\"}").statusCode(200);
        patch(id, "{\"status\": \"CLOSED\"}").statusCode(200);

        patch(id, "{\"subject\": \"Rewritten\", \"severity\": \"CRITICAL\"}").statusCode(409)
                .body("type", equalTo("urn:clientbook:problem:complaint-closed"))
                .body("errors.field", equalTo(List.of("subject", "severity")));
        patch(id, "{\"satisfaction\": 5}").statusCode(200).body("satisfaction", equalTo(5));
    }

    @Test
    void shouldChangeEditableFieldsAndClearWithNull() {
        String id = as("agent").body(Map.of("customerId", createCustomer(), "subject", "S", "severity", "LOW",
                "description", "first", "channel", "EMAIL")).post("/api/v1/complaints").then().statusCode(201)
                .extract().path("id");
        patch(id, "{\"subject\": \"Wrong size\", \"severity\": \"CRITICAL\", \"description\": null, \"channel\": \"VISIT\"}")
                .statusCode(200).body("subject", equalTo("Wrong size")).body("severity", equalTo("CRITICAL"))
                .body("description", nullValue()).body("channel", equalTo("VISIT")).body("status", equalTo("OPEN"));
        patch(id, "{\"severity\": null}").statusCode(400).body("errors[0].field", equalTo("severity"));
        patch(id, "{\"status\": null}").statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldRejectReadOnlyFieldsInPatch() {
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"customerId\": \"%s\", \"openedAt\": \"2026-01-01T00:00:00Z\", \"resolvedAt\": null}"
                .formatted(UUID.randomUUID()))
                .statusCode(400)
                .body("errors.field", hasItems("customerId", "openedAt", "resolvedAt"))
                .body("errors[0].message", equalTo("is read-only"));
    }

    @Test
    void shouldNotMoveTheETagForAPatchThatChangesNothing() {
        String id = createComplaint(createCustomer(), "LOW");
        patch(id, "{\"severity\": \"LOW\", \"status\": \"OPEN\"}").statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void shouldReturn412WhenIfMatchIsStale() {
        String id = createComplaint(createCustomer(), "LOW");
        patching().header("If-Match", "\"0\"").body("{\"status\": \"IN_PROGRESS\"}").patch("/api/v1/complaints/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        patching().header("If-Match", "\"0\"").body("{\"severity\": \"HIGH\"}").patch("/api/v1/complaints/" + id)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", equalTo("\"1\""));
        as("agent").get("/api/v1/complaints/" + id).then().body("severity", equalTo("LOW"));
    }

    @Test
    void shouldRequireMergePatchMediaType() {
        String id = createComplaint(createCustomer(), "LOW");
        as("agent").body("{\"severity\": \"HIGH\"}").patch("/api/v1/complaints/" + id).then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void shouldFilterByStatusCustomerAndSeverity() {
        String customerId = createCustomer();
        String low = createComplaint(customerId, "LOW");
        String high = createComplaint(customerId, "HIGH");
        String other = createComplaint(createCustomer(), "HIGH");
        patch(high, "{\"status\": \"IN_PROGRESS\"}").statusCode(200);

        as("analyst").queryParam("customerId", customerId).get("/api/v1/complaints").then().statusCode(200)
                .body("items.id", equalTo(List.of(high, low))).body("nextCursor", nullValue());
        as("analyst").queryParam("customerId", customerId).queryParam("severity", "HIGH").get("/api/v1/complaints").then()
                .body("items.id", equalTo(List.of(high)));
        as("analyst").queryParam("customerId", customerId).queryParam("status", "OPEN").get("/api/v1/complaints").then()
                .body("items.id", equalTo(List.of(low)));
        as("analyst").queryParam("status", "IN_PROGRESS").queryParam("limit", 200).get("/api/v1/complaints").then()
                .body("items.id", hasItem(high)).body("items.status", org.hamcrest.Matchers.everyItem(equalTo("IN_PROGRESS")));
        as("analyst").queryParam("severity", "HIGH").queryParam("limit", 200).get("/api/v1/complaints").then()
                .body("items.id", hasItems(high, other)).body("items.severity", org.hamcrest.Matchers.everyItem(equalTo("HIGH")));

        as("analyst").queryParam("status", "OPEN").get("/api/v1/customers/" + customerId + "/complaints").then()
                .statusCode(200).body("items.id", equalTo(List.of(low)));
    }

    @Test
    void shouldPageNewestFirstWithoutGapsOrRepeats() {
        String customerId = createCustomer();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(0, createComplaint(customerId, "MEDIUM"));
        }
        assertThat(pageThrough("/api/v1/complaints", Map.of("customerId", customerId))).containsExactlyElementsOf(made);
        assertThat(pageThrough("/api/v1/customers/" + customerId + "/complaints", Map.of())).containsExactlyElementsOf(made);
    }

    private static List<String> pageThrough(String path, Map<String, String> filters) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification spec = as("agent").queryParams(filters).queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get(path).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        return seen;
    }

    @Test
    void shouldRejectBadFilterValues() {
        as("agent").queryParam("status", "PENDING").get("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        as("agent").queryParam("severity", "low").get("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("severity"));
        as("agent").queryParam("customerId", "42").get("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("customerId"));
        as("agent").queryParam("cursor", "garbage!").get("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("agent").queryParam("limit", 0).get("/api/v1/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        as("agent").queryParam("status", "DONE").get("/api/v1/customers/" + createCustomer() + "/complaints").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldAnswer404ForUnknownComplaintOrCustomer() {
        as("agent").get("/api/v1/complaints/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        as("agent").get("/api/v1/complaints/not-a-uuid").then().statusCode(404);
        patch(UUID.randomUUID().toString(), "{\"status\": \"IN_PROGRESS\"}").statusCode(404);
        as("agent").get("/api/v1/customers/" + UUID.randomUUID() + "/complaints").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldLetAgentsAndAdminsWriteAndAnalystsOnlyRead() {
        String customerId = createCustomer();
        String body = "{\"customerId\": \"%s\", \"subject\": \"S\", \"severity\": \"LOW\"}".formatted(customerId);
        as("analyst").body(body).post("/api/v1/complaints").then().statusCode(403).contentType("application/problem+json");
        as("integration").body(body).post("/api/v1/complaints").then().statusCode(403);
        given().contentType("application/json").body(body).post("/api/v1/complaints").then()
                .statusCode(401).contentType("application/problem+json");
        String id = asAdmin().body(body).post("/api/v1/complaints").then().statusCode(201).extract().path("id");

        as("analyst").contentType(MERGE_PATCH).body("{\"status\": \"IN_PROGRESS\"}").patch("/api/v1/complaints/" + id)
                .then().statusCode(403);
        as("integration").get("/api/v1/complaints/" + id).then().statusCode(403);
        as("integration").get("/api/v1/complaints").then().statusCode(403);
        as("integration").get("/api/v1/customers/" + customerId + "/complaints").then().statusCode(403);
        given().get("/api/v1/complaints").then().statusCode(401);
        as("analyst").get("/api/v1/complaints/" + id).then().statusCode(200);
        as("analyst").get("/api/v1/customers/" + customerId + "/complaints").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        asAdmin().contentType(MERGE_PATCH).body("{\"status\": \"IN_PROGRESS\"}").patch("/api/v1/complaints/" + id)
                .then().statusCode(200);
    }

    @Test
    void shouldReplayIdempotentCreate() {
        String key = unique("idem");
        String body = "{\"customerId\": \"%s\", \"subject\": \"Twice?\", \"severity\": \"LOW\"}".formatted(createCustomer());
        var first = as("agent").header("Idempotency-Key", key).body(body).post("/api/v1/complaints").then()
                .statusCode(201).extract();
        String id = first.path("id");
        as("agent").header("Idempotency-Key", key).body(body).post("/api/v1/complaints").then()
                .statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/complaints/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id));
        as("agent").header("Idempotency-Key", key).body(body.replace("Twice?", "Other")).post("/api/v1/complaints").then()
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void shouldDocumentTheComplaintEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/complaints'.post.summary", notNullValue())
                .body("paths.'/api/v1/complaints/{id}'.patch.responses.'409'.content.'application/problem+json'.examples."
                        + "'illegal-status-transition'.value.allowedNextStates", equalTo(List.of("IN_PROGRESS")))
                .body("paths.'/api/v1/customers/{customerId}/complaints'.get.responses.'404'", notNullValue())
                .body("components.schemas.NewComplaint.required", hasItems("customerId", "subject", "severity"))
                .body("components.schemas.ComplaintFields.required", nullValue());
    }
}
