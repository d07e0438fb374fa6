package io.clientbook.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.privacy.rest.SubjectExport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SubjectExportTest extends ApiTest {

    private static String customer(String email) {
        return as("agent").body(Map.of("lastName", unique("Exported"), "email", email, "phone", "+44 20 7946 0958",
                "birthDate", "1990-01-02")).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> purchase(String customerId, String externalId, int minute) {
        return Map.of("customerId", customerId, "externalId", externalId,
                "occurredAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute).toString(),
                "amount", new BigDecimal("1.00"), "currency", "EUR", "product", "Tea");
    }

    @Test
    void shouldExportTheWholeFileAsOneDocumentAndAuditIt() {
        String email = unique("subject") + "@example.com";
        String id = customer(email);
        as("integration").body(Map.of("purchases", List.of(purchase(id, unique("ex"), 1), purchase(id, unique("ex"), 2))))
                .post("/api/v1/purchases/batch").then().statusCode(200);
        as("agent").body(Map.of("customerId", id, "subject", "Broken cup", "severity", "LOW")).post("/api/v1/complaints")
                .then().statusCode(201);
        as("agent").body(Map.of("channel", "PHONE", "direction", "INBOUND", "summary", "Asked for a copy of the file"))
                .post("/api/v1/customers/" + id + "/interactions").then().statusCode(201);

        JsonPath doc = as("agent").get("/api/v1/customers/" + id + "/export").then().statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", containsString("customer-" + id + ".json"))
                .extract().jsonPath();
        assertThat(doc.getString("customer.id")).isEqualTo(id);
        assertThat(doc.getString("customer.email")).isEqualTo(email);
        assertThat(doc.getString("customer.birthDate")).isEqualTo("1990-01-02");
        assertThat(doc.getList("purchases")).hasSize(2);
        assertThat(doc.getList("purchases.occurredAt")).containsExactly("2026-01-01T00:02:00Z", "2026-01-01T00:01:00Z");
        assertThat(doc.getList("complaints.subject")).containsExactly("Broken cup");
        assertThat(doc.getList("interactions.summary")).containsExactly("Asked for a copy of the file");
        // The complaint made a follow-up task; the file includes the work about the customer too.
        assertThat(doc.getList("tasks.type")).contains("COMPLAINT_FOLLOW_UP");
        assertThat(doc.getString("exportedAt")).isNotNull();
        // The document has exactly the members the contract documents.
        Map<String, Object> members = doc.getMap("");
        assertThat(members.keySet()).containsExactlyElementsOf(
                Arrays.stream(SubjectExport.class.getRecordComponents()).map(RecordComponent::getName).toList());

        JsonPath audit = asAdmin().get("/api/v1/customers/" + id + "/audit?action=EXPORT").then().statusCode(200)
                .extract().jsonPath();
        assertThat(audit.getList("items.actor.name")).containsExactly("test-agent");
        assertThat(audit.getList("items[0].changedFields")).isEmpty();
    }

    @Test
    void shouldStreamAHistoryLongerThanOnePage() {
        String id = customer(unique("long") + "@example.com");
        int total = SubjectExportWriter.PAGE_SIZE * 2 + 7;
        for (int start = 0; start < total; start += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(total, start + 1000); i++) {
                batch.add(purchase(id, unique("long-" + i), i));
            }
            as("integration").body(Map.of("purchases", batch)).post("/api/v1/purchases/batch").then().statusCode(200);
        }
        JsonPath doc = asAdmin().get("/api/v1/customers/" + id + "/export").then().statusCode(200).extract().jsonPath();
        List<String> ids = doc.getList("purchases.id");
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        List<String> times = doc.getList("purchases.occurredAt");
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void shouldRefuseAnalystsAndAnswer404ForAnErasedCustomer() {
        String id = customer(unique("gone") + "@example.com");
        as("analyst").get("/api/v1/customers/" + id + "/export").then().statusCode(403);
        asAdmin().delete("/api/v1/customers/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/customers/" + id + "/export").then().statusCode(404);
    }
}
