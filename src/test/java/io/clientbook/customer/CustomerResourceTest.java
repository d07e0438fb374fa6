package io.clientbook.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.common.paging.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CustomerResourceTest extends ApiTest {

    static String createCustomer(Map<String, Object> body) {
        return as("agent").body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldCreateAndReadACustomerFile() {
        String ref = unique("shop");
        ValidatableResponse created = as("agent").body("""
                {"externalRef": "%s", "firstName": " Mei ", "lastName": "Chen", "email": "mei@example.com",
                 "phone": "+44 20 7946 0958", "gender": "FEMALE", "birthDate": "1988-04-12", "country": "GB",
                 "region": "London", "preferredChannel": "EMAIL", "consent": {"EMAIL": {"granted": true}},
                 "owner": "j.smith", "needOrientation": "SERVICE", "buyingStage": "INTERESTED",
                 "tags": ["VIP", "vip", " newsletter "], "notes": "Prefers mornings"}""".formatted(ref))
                .post("/api/v1/customers").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/customers/"))
                .header("ETag", equalTo("\"0\""))
                .body("firstName", equalTo("Mei"))
                .body("tags", equalTo(java.util.List.of("vip", "newsletter")))
                .body("consent.EMAIL.granted", equalTo(true))
                .body("consent.EMAIL.at", notNullValue())
                .body("tier", nullValue())
                .body("stats.purchaseCount", equalTo(0))
                .body("stats.totalSpent", equalTo(0));
        String id = created.extract().path("id");

        as("analyst").get("/api/v1/customers/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"0\"")).body("externalRef", equalTo(ref));
        as("integration").get("/api/v1/customers/by-external-ref/" + ref).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldRejectInvalidFieldsNamingEachOne() {
        as("agent").body("""
                {"lastName": "X", "email": "not-an-email", "country": "XX", "birthDate": "2999-01-01", "gender": "FISH"}""")
                .post("/api/v1/customers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("gender"));
        as("agent").body("""
                {"lastName": "X", "email": "not-an-email", "country": "XX", "birthDate": "2999-01-01"}""")
                .post("/api/v1/customers").then()
                .statusCode(400)
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("birthDate"));
    }

    @Test
    void shouldRejectUnknownProperty() {
        as("agent").body("{\"lastName\": \"X\", \"favouriteColour\": \"blue\"}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("favouriteColour"))
                .body("errors[0].message", equalTo("unknown property"));
    }

    @Test
    void shouldReturn412WhenIfMatchIsStale() {
        String id = createCustomer(Map.of("lastName", "Stale"));
        as("agent").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"city\": \"Leeds\"}").patch("/api/v1/customers/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("city", equalTo("Leeds"));
        as("agent").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"city\": \"York\"}").patch("/api/v1/customers/" + id).then()
                .statusCode(412).contentType("application/problem+json");
        as("agent").get("/api/v1/customers/" + id).then().body("city", equalTo("Leeds"));
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentPatchesWithTheSameETagWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = createCustomer(Map.of("lastName", "Race"));
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> as("agent").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                        .body("{\"city\": \"A\"}").patch("/api/v1/customers/" + id).statusCode());
                var b = pool.submit(() -> as("agent").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                        .body("{\"city\": \"B\"}").patch("/api/v1/customers/" + id).statusCode());
                org.assertj.core.api.Assertions.assertThat(java.util.List.of(a.get(), b.get()))
                        .containsExactlyInAnyOrder(200, 412);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shouldApplyConcurrentPatchesWithoutIfMatchOneAfterTheOther() throws Exception {
        String id = createCustomer(Map.of("lastName", "Serial"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                String field = i % 2 == 0 ? "city" : "occupation";
                int n = i;
                results.add(pool.submit(() -> as("agent").contentType("application/merge-patch+json")
                        .body("{\"" + field + "\": \"v" + n + "\"}").patch("/api/v1/customers/" + id).statusCode()));
            }
            for (var r : results) {
                org.assertj.core.api.Assertions.assertThat(r.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        as("agent").get("/api/v1/customers/" + id).then().header("ETag", equalTo("\"12\""));
    }

    @Test
    void shouldClearFieldWithNullAndRejectReadOnlyFields() {
        String id = createCustomer(Map.of("lastName", "Patch", "city", "Leeds", "notes", "n"));
        as("agent").contentType("application/merge-patch+json").body("{\"city\": null}")
                .patch("/api/v1/customers/" + id).then().statusCode(200).body("city", nullValue()).body("notes", equalTo("n"));
        as("agent").contentType("application/merge-patch+json").body("{\"tier\": \"A\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("errors[0].field", equalTo("tier"));
    }

    @Test
    void shouldUpsertByExternalRef() {
        String ref = unique("crm");
        as("integration").body("{\"lastName\": \"Upsert\", \"city\": \"Leeds\"}")
                .put("/api/v1/customers/by-external-ref/" + ref).then().statusCode(201).body("externalRef", equalTo(ref));
        as("integration").body("{\"firstName\": \"Ann\"}")
                .put("/api/v1/customers/by-external-ref/" + ref).then().statusCode(200)
                .body("firstName", equalTo("Ann")).body("city", equalTo("Leeds"));
    }

    @Test
    void shouldDenyAnalystWritesAndIntegrationReads() {
        as("analyst").body("{\"lastName\": \"X\"}").post("/api/v1/customers").then().statusCode(403)
                .contentType("application/problem+json");
        as("integration").get("/api/v1/customers").then().statusCode(403);
    }

    @Test
    void shouldReplayIdempotentCreate() {
        String key = unique("idem");
        String body = "{\"lastName\": \"Idem\"}";
        String first = as("agent").header("Idempotency-Key", key).body(body).post("/api/v1/customers").then()
                .statusCode(201).extract().path("id");
        as("agent").header("Idempotency-Key", key).body(body).post("/api/v1/customers").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as("agent").header("Idempotency-Key", key).body("{\"lastName\": \"Other\"}").post("/api/v1/customers").then()
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void shouldPageWithoutGapsOrRepeats() {
        String tag = unique("page").toLowerCase();
        java.util.Set<String> made = new java.util.HashSet<>();
        for (int i = 0; i < 7; i++) {
            made.add(createCustomer(Map.of("lastName", "P" + i, "tags", java.util.List.of(tag))));
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var spec = as("agent").queryParam("tag", tag).queryParam("limit", 3).queryParam("sort", "-lastName");
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/customers").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        org.assertj.core.api.Assertions.assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void shouldRejectBadListParameters() {
        as("agent").queryParam("limit", 500).get("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("agent").queryParam("sort", "password").get("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        as("agent").queryParam("cursor", "garbage!").get("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        // Well-formed cursors whose value is not of the sort's type: forged, as the service never makes them.
        as("agent").queryParam("cursor", new Cursor("createdAt", "not-a-time", UUID.randomUUID()).encode())
                .get("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("agent").queryParam("sort", "totalSpent")
                .queryParam("cursor", new Cursor("totalSpent", "12abc", UUID.randomUUID()).encode())
                .get("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("agent").get("/api/v1/customers/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectTextTheDatabaseCannotStoreInParametersAndRefs() {
        // Each of these reached PostgreSQL and failed there (500), or was trimmed away and ignored (200).
        as("agent").urlEncodingEnabled(false).get("/api/v1/customers?q=a%00b").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        as("agent").urlEncodingEnabled(false).get("/api/v1/customers?owner=%00").then().statusCode(400)
                .body("errors[0].field", equalTo("owner"));
        as("agent").urlEncodingEnabled(false).get("/api/v1/customers/by-external-ref/a%00b").then().statusCode(404)
                .contentType("application/problem+json");
        as("agent").urlEncodingEnabled(false).body("{\"lastName\": \"X\"}").put("/api/v1/customers/by-external-ref/a%00b")
                .then().statusCode(400).body("errors[0].field", equalTo("externalRef"));
    }
}
