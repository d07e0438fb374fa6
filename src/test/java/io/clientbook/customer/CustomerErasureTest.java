package io.clientbook.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CustomerErasureTest extends ApiTest {

    @Inject
    EntityManager em;

    record File(String id, String ref, String email, String lastName, String complaint) {
    }

    static File fullFile() {
        String ref = unique("erase");
        String email = unique("erase") + "@example.com";
        String lastName = unique("Erasable");
        String id = as("agent").body(Map.ofEntries(Map.entry("externalRef", ref), Map.entry("firstName", "Mei"),
                Map.entry("lastName", lastName), Map.entry("email", email), Map.entry("phone", "+44 20 7946 0958"),
                Map.entry("gender", "FEMALE"), Map.entry("birthDate", "1988-04-12"), Map.entry("country", "GB"),
                Map.entry("region", "London"), Map.entry("city", "London"), Map.entry("occupation", "Architect"),
                Map.entry("preferredChannel", "EMAIL"), Map.entry("consent", Map.of("EMAIL", Map.of("granted", true))),
                Map.entry("owner", "j.smith"), Map.entry("buyingStage", "NOT_NOW"),
                Map.entry("expectedPurchaseDate", "2030-01-01"), Map.entry("tags", List.of("vip")),
                Map.entry("notes", "Lives next to the bakery")))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        as("integration").body(Map.of("purchases", List.of(purchase(id, unique("er-o"), "100.00"), purchase(id, unique("er-o"), "29.90"))))
                .post("/api/v1/purchases/batch").then().statusCode(200);
        String voided = as("integration").body(purchase(id, unique("er-v"), "7.00")).post("/api/v1/purchases").then()
                .statusCode(201).extract().path("id");
        as("integration").body(Map.of("reason", "Mei returned it to the Baker St shop"))
                .post("/api/v1/purchases/" + voided + "/void").then().statusCode(200);
        String complaint = as("agent").body(Map.of("customerId", id, "subject", "Mei's parcel", "description",
                "Left at 12 Baker St", "severity", "HIGH")).post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        as("agent").contentType("application/merge-patch+json").body(Map.of("status", "IN_PROGRESS"))
                .patch("/api/v1/complaints/" + complaint).then().statusCode(200);
        as("agent").contentType("application/merge-patch+json").body(Map.of("status", "RESOLVED", "resolution", "Refunded Mei"))
                .patch("/api/v1/complaints/" + complaint).then().statusCode(200);
        as("agent").body(Map.of("channel", "PHONE", "direction", "INBOUND", "summary", "Mei called", "outcome", "Call back on 0958"))
                .post("/api/v1/customers/" + id + "/interactions").then().statusCode(201);
        as("agent").body(Map.of("channel", "EMAIL", "direction", "OUTBOUND", "summary", "Sent the invoice"))
                .post("/api/v1/customers/" + id + "/interactions").then().statusCode(201);
        return new File(id, ref, email, lastName, complaint);
    }

    static Map<String, Object> purchase(String customerId, String externalId, String amount) {
        return Map.of("customerId", customerId, "externalId", externalId, "occurredAt", "2026-10-01T10:00:00Z",
                "amount", new java.math.BigDecimal(amount), "currency", "EUR", "product", "Lamp", "channel", "ONLINE");
    }

    private Object[] storedRow(String id) {
        return (Object[]) em.createNativeQuery("""
                SELECT purchase_count, total_spent, external_ref, first_name, last_name, email, phone, birth_date, region,
                       city, notes, country, erased_at IS NOT NULL, tags::text, consent::text, owner
                FROM customer WHERE id = CAST(?1 AS uuid)""").setParameter(1, id).getSingleResult();
    }

    @Test
    void shouldEraseThePersonalDataAndLeaveNoPathToTheCustomer() {
        File f = fullFile();
        Object[] before = storedRow(f.id());

        asAdmin().delete("/api/v1/customers/" + f.id()).then().statusCode(204);

        asAdmin().get("/api/v1/customers/" + f.id()).then().statusCode(404);
        as("integration").get("/api/v1/customers/by-external-ref/" + f.ref()).then().statusCode(404);
        for (String q : List.of(f.email(), f.lastName(), f.ref(), "7946 0958")) {
            assertThat(asAdmin().queryParam("q", q).get("/api/v1/customers").then().statusCode(200)
                    .extract().jsonPath().getList("items.id")).as(q).doesNotContain(f.id());
        }
        assertThat(asAdmin().get("/api/v1/customers?tag=vip&limit=200").then().extract().jsonPath().getList("items.id"))
                .doesNotContain(f.id());
        asAdmin().get("/api/v1/customers/" + f.id() + "/purchases").then().statusCode(404);
        asAdmin().get("/api/v1/customers/" + f.id() + "/complaints").then().statusCode(404);
        asAdmin().get("/api/v1/customers/" + f.id() + "/interactions").then().statusCode(404);
        asAdmin().get("/api/v1/customers/" + f.id() + "/export").then().statusCode(404);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("notes", "x"))
                .patch("/api/v1/customers/" + f.id()).then().statusCode(404);
        as("integration").body(purchase(f.id(), unique("er-late"), "5.00")).post("/api/v1/purchases").then()
                .statusCode(422).body("type", equalTo("urn:clientbook:problem:customer-erased"));
        as("integration").body(Map.of("customerExternalRef", f.ref(), "externalId", unique("er-late"), "occurredAt",
                "2026-10-01T10:00:00Z", "amount", 5, "currency", "EUR")).post("/api/v1/purchases").then()
                .statusCode(422).body("type", equalTo("urn:clientbook:problem:unknown-customer"));

        // Complaint and contact-log texts are gone; their dates, severities and counts stay.
        JsonPath complaint = asAdmin().get("/api/v1/complaints/" + f.complaint()).then().statusCode(200).extract().jsonPath();
        assertThat(complaint.getString("subject")).isEqualTo("[erased]");
        assertThat(complaint.getString("description")).isEqualTo("[erased]");
        assertThat(complaint.getString("resolution")).isEqualTo("[erased]");
        assertThat(complaint.getString("severity")).isEqualTo("HIGH");
        @SuppressWarnings("unchecked")
        List<Object[]> log = em.createNativeQuery("SELECT summary, outcome FROM interaction WHERE customer_id = CAST(?1 AS uuid)")
                .setParameter(1, f.id()).getResultList();
        assertThat(log).hasSize(2).allSatisfy(row -> assertThat(row[0]).isEqualTo("[erased]"));
        assertThat(log).extracting(row -> row[1]).containsExactlyInAnyOrder("[erased]", null);

        // The skeleton: same totals, no personal data, country kept.
        Object[] after = storedRow(f.id());
        assertThat(after[0]).isEqualTo(before[0]).isEqualTo(2);
        assertThat(after[1]).isEqualTo(before[1]);
        assertThat(new java.math.BigDecimal(after[1].toString())).isEqualByComparingTo("129.90");
        for (int i = 2; i <= 10; i++) {
            assertThat(after[i]).as("column " + i).isNull();
        }
        assertThat(after[11]).isEqualTo("GB");
        assertThat(after[12]).isEqualTo(true);
        assertThat(after[13]).isEqualTo("{}");
        assertThat(after[14]).isEqualTo("{}");
        assertThat(after[15]).isNull();
        Number purchases = (Number) em.createNativeQuery("SELECT count(*) FROM purchase WHERE customer_id = CAST(?1 AS uuid)")
                .setParameter(1, f.id()).getSingleResult();
        assertThat(purchases.intValue()).isEqualTo(3);
        assertThat(em.createNativeQuery("SELECT void_reason FROM purchase WHERE customer_id = CAST(?1 AS uuid) AND voided_at IS NOT NULL")
                .setParameter(1, f.id()).getResultList()).containsExactly("[erased]");

        JsonPath audit = asAdmin().get("/api/v1/customers/" + f.id() + "/audit?action=ERASE").then().statusCode(200)
                .extract().jsonPath();
        assertThat(audit.getList("items.actor.name")).containsExactly("bootstrap-admin");
        assertThat(audit.getList("items[0].changedFields")).contains("email", "phone", "birthDate", "notes", "externalRef");
    }

    @Test
    void shouldEraseOnceAndAnswer204Again() {
        File f = fullFile();
        asAdmin().delete("/api/v1/customers/" + f.id()).then().statusCode(204);
        asAdmin().header("If-Match", "\"0\"").delete("/api/v1/customers/" + f.id()).then().statusCode(204);

        // The ERASE entry is written by the observer of CustomerErased: one entry, one event.
        assertThat(asAdmin().get("/api/v1/customers/" + f.id() + "/audit?action=ERASE").then().extract().jsonPath()
                .getList("items")).hasSize(1);
    }

    @Test
    void shouldReturn412WhenIfMatchIsStaleAndKeepTheFile() {
        File f = fullFile();
        String etag = asAdmin().get("/api/v1/customers/" + f.id()).header("ETag");
        asAdmin().header("If-Match", "\"999\"").delete("/api/v1/customers/" + f.id()).then().statusCode(412);
        asAdmin().get("/api/v1/customers/" + f.id()).then().statusCode(200).body("email", equalTo(f.email()));
        asAdmin().header("If-Match", etag).delete("/api/v1/customers/" + f.id()).then().statusCode(204);
    }

    @Test
    void shouldReturn404ForAnUnknownCustomerAnd403ForAnAgent() {
        asAdmin().delete("/api/v1/customers/" + java.util.UUID.randomUUID()).then().statusCode(404);
        File f = fullFile();
        as("agent").delete("/api/v1/customers/" + f.id()).then().statusCode(403);
    }

    @Test
    void shouldCreateAnUnrelatedCustomerWhenTheOldRefIsUpsertedAgain() {
        File f = fullFile();
        asAdmin().delete("/api/v1/customers/" + f.id()).then().statusCode(204);
        as("integration").body(Map.of("lastName", "Newcomer")).put("/api/v1/customers/by-external-ref/" + f.ref())
                .then().statusCode(201).body("id", not(equalTo(f.id()))).body("email", nullValue())
                .body("stats.purchaseCount", equalTo(0));
    }

    @Test
    void shouldNotReplayAnErasedFileForAnIdempotencyKey() {
        String key = unique("idem");
        Map<String, Object> body = Map.of("lastName", unique("Replay"), "email", unique("replay") + "@example.com");
        String id = as("agent").header("Idempotency-Key", key).body(body).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        asAdmin().delete("/api/v1/customers/" + id).then().statusCode(204);
        as("agent").header("Idempotency-Key", key).body(body).post("/api/v1/customers").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).body("id", not(equalTo(id)));
    }

    @Test
    void shouldCancelTheOpenTasksAndEraseWhatStaffWroteIntoThem() {
        File f = fullFile();
        String open = as("agent").body(Map.of("customerId", f.id(), "type", "CUSTOM", "title", "Ring Mei about the bakery",
                "channel", "PHONE", "dueAt", "2030-01-01T09:00:00Z")).post("/api/v1/tasks").then().statusCode(201)
                .extract().path("id");
        String done = as("agent").body(Map.of("customerId", f.id(), "type", "CUSTOM", "title", "Visit Mei at home",
                "channel", "VISIT", "dueAt", "2030-01-01T09:00:00Z")).post("/api/v1/tasks").then().statusCode(201)
                .extract().path("id");
        as("agent").contentType("application/merge-patch+json")
                .body(Map.of("status", "DONE", "outcome", "Mei says her son moved to Leeds"))
                .patch("/api/v1/tasks/" + done).then().statusCode(200);

        asAdmin().delete("/api/v1/customers/" + f.id()).then().statusCode(204);

        asAdmin().get("/api/v1/tasks/" + open).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("title", equalTo("[erased]"));
        asAdmin().get("/api/v1/tasks/" + done).then().statusCode(200)
                .body("status", equalTo("DONE")).body("title", equalTo("[erased]")).body("outcome", equalTo("[erased]"));
    }
}
