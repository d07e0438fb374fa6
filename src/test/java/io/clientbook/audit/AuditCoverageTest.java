package io.clientbook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Changes beyond the customer file are audited too: segments and their exports, tasks, rules, webhooks. */
@QuarkusTest
class AuditCoverageTest extends ApiTest {

    private static JsonPath entriesOf(String resourceType, String resourceId) {
        return asAdmin().queryParam("resourceType", resourceType).queryParam("limit", 200).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath()
                .setRootPath("items.findAll { it.resourceId == '" + resourceId + "' }");
    }

    private static List<String> actionsOf(String resourceType, String resourceId) {
        return entriesOf(resourceType, resourceId).getList("action");
    }

    @Test
    void shouldAuditSegmentChangesAndExports() {
        Map<String, Object> body = Map.of("name", unique("Audited"), "filter", Map.of("field", "tags", "op", "eq", "value", "x"));
        String id = as("agent").body(body).post("/api/v1/segments").then().statusCode(201).extract().path("id");
        as("agent").get("/api/v1/segments/" + id + "/export").then().statusCode(200);
        as("agent").header("If-Match", "\"0\"").body(Map.of("name", unique("Renamed"), "filter", body.get("filter")))
                .put("/api/v1/segments/" + id).then().statusCode(200);
        as("agent").delete("/api/v1/segments/" + id).then().statusCode(204);

        // Newest first.
        assertThat(actionsOf("segment", id)).containsExactly("DELETE", "UPDATE", "EXPORT", "CREATE");
        JsonPath created = entriesOf("segment", id);
        assertThat(created.getList("actor.name")).containsOnly("test-agent");
    }

    @Test
    void shouldAuditTasksAndRuleChanges() {
        String customer = asAdmin().body(Map.of("lastName", "Audited")).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        String task = as("agent").body(Map.of("customerId", customer, "type", "CUSTOM", "title", "Call",
                "channel", "PHONE", "dueAt", "2030-01-01T09:00:00Z")).post("/api/v1/tasks").then().statusCode(201)
                .extract().path("id");
        as("agent").contentType("application/merge-patch+json").body(Map.of("status", "DONE", "outcome", "Reached"))
                .patch("/api/v1/tasks/" + task).then().statusCode(200);

        assertThat(actionsOf("task", task)).containsExactly("UPDATE", "CREATE");
        assertThat(entriesOf("task", task).getList("changedFields[0]")).contains("status", "outcome");

        var rule = asAdmin().get("/api/v1/follow-up-rules/HOLIDAY_GREETING").then().statusCode(200);
        Map<String, Object> fields = new java.util.HashMap<>(rule.extract().jsonPath().getMap(""));
        String etag = rule.extract().header("ETag");
        fields.keySet().retainAll(putFieldsOf(fields));
        Object priority = fields.get("priority");
        fields.put("priority", "NORMAL".equals(priority) ? "LOW" : "NORMAL");
        String changed = asAdmin().header("If-Match", etag).body(fields).put("/api/v1/follow-up-rules/HOLIDAY_GREETING")
                .then().statusCode(200).extract().header("ETag");
        assertThat(entriesOf("follow-up-rule", "HOLIDAY_GREETING").getList("changedFields[0]")).containsExactly("priority");
        // Put it back: other tests rely on the default.
        fields.put("priority", priority);
        asAdmin().header("If-Match", changed).body(fields).put("/api/v1/follow-up-rules/HOLIDAY_GREETING").then().statusCode(200);
    }

    @Test
    void shouldAuditWebhooks() {
        String id = asAdmin().body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("customer.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        assertThat(actionsOf("webhook", id)).containsExactly("DELETE", "CREATE");
    }

    /** The members PUT takes: what GET shows minus the read-only ones. */
    private static java.util.Set<String> putFieldsOf(Map<String, Object> shown) {
        java.util.Set<String> names = new java.util.HashSet<>(shown.keySet());
        names.removeAll(java.util.Set.of("id", "type", "trigger", "marketing", "dailyJob", "updatedAt"));
        return names;
    }
}
