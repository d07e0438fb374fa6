package io.clientbook.task;

import static io.clientbook.task.TaskFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TaskResourceTest extends ApiTest {

    private static final String MERGE = "application/merge-patch+json";

    private static String task(String customerId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("customerId", customerId, "title", "Call back",
                "dueAt", Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString()));
        body.putAll(extra);
        return as("agent").body(body).post("/api/v1/tasks").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldCreateATaskAssignedToTheOwnerOnTheConsentedPreferredChannel() {
        String customer = customer("SMS", "SMS", "EMAIL");
        String owner = asAdmin().get("/api/v1/customers/" + customer).then().extract().path("owner");
        var created = as("agent").body(Map.of("customerId", customer, "title", "Invite to the preview",
                "type", "PROMOTION_INVITE", "dueAt", "2026-12-01T09:00:00Z")).post("/api/v1/tasks").then().statusCode(201)
                .body("assignee", equalTo(owner)).body("channel", equalTo("SMS")).body("status", equalTo("OPEN"))
                .body("priority", equalTo("NORMAL")).body("source", equalTo("MANUAL")).body("triggerKey", nullValue())
                .body("createdBy", equalTo("test-agent")).extract();
        assertThat(created.header("Location")).endsWith("/api/v1/tasks/" + created.path("id"));
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        as("analyst").get("/api/v1/tasks/" + created.path("id")).then().statusCode(200).body("title", equalTo("Invite to the preview"));
    }

    @Test
    void shouldRejectBadTasksNamingTheField() {
        as("agent").body(Map.of("customerId", java.util.UUID.randomUUID().toString(), "title", "x", "dueAt", "2026-12-01T09:00:00Z"))
                .post("/api/v1/tasks").then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        String customer = customer(null);
        as("agent").body(Map.of("customerId", customer, "dueAt", "2026-12-01T09:00:00Z")).post("/api/v1/tasks").then()
                .statusCode(400).body("errors[0].field", equalTo("title"));
        as("agent").body(Map.of("customerId", customer, "title", "x", "dueAt", "2026-12-01T09:00:00Z", "status", "DONE"))
                .post("/api/v1/tasks").then().statusCode(400);
        as("agent").get("/api/v1/tasks?overdue=maybe").then().statusCode(400).body("errors[0].field", equalTo("overdue"));
        as("agent").get("/api/v1/tasks/not-a-uuid").then().statusCode(404);
    }

    @Test
    void shouldRequireAnOutcomeToCompleteAndWriteTheContactToTheLog() {
        String customer = customer("EMAIL", "EMAIL");
        String id = task(customer, Map.of("title", "Thank-you call", "channel", "PHONE"));
        as("agent").contentType(MERGE).body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));

        var done = as("agent").contentType(MERGE).header("If-Match", "\"0\"")
                .body(Map.of("status", "DONE", "outcome", "Customer pleased")).patch("/api/v1/tasks/" + id).then()
                .statusCode(200).body("status", equalTo("DONE")).body("completedAt", notNullValue())
                .body("interactionId", notNullValue()).extract();
        String interaction = done.path("interactionId");
        as("agent").get("/api/v1/customers/" + customer + "/interactions/" + interaction).then().statusCode(200)
                .body("channel", equalTo("PHONE")).body("direction", equalTo("OUTBOUND"))
                .body("summary", equalTo("Thank-you call")).body("outcome", equalTo("Customer pleased"))
                .body("recordedBy", equalTo("test-agent"));

        // Closed: only reopening is accepted.
        as("agent").contentType(MERGE).body(Map.of("title", "Other")).patch("/api/v1/tasks/" + id).then().statusCode(409);
        as("agent").contentType(MERGE).body(Map.of("status", "CANCELLED")).patch("/api/v1/tasks/" + id).then().statusCode(409)
                .body("allowedNextStates", equalTo(List.of("OPEN")));
        as("agent").contentType(MERGE).header("If-Match", "\"0\"").body(Map.of("status", "OPEN")).patch("/api/v1/tasks/" + id)
                .then().statusCode(412);
    }

    @Test
    void shouldReopenADoneOrCancelledTask() {
        String customer = customer("EMAIL", "EMAIL");
        String id = task(customer, Map.of());
        as("agent").contentType(MERGE).body(Map.of("status", "DONE", "outcome", "Left a message")).patch("/api/v1/tasks/" + id)
                .then().statusCode(200);
        as("agent").contentType(MERGE).body(Map.of("status", "OPEN")).patch("/api/v1/tasks/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("outcome", nullValue()).body("completedAt", nullValue());
        as("agent").contentType(MERGE).body(Map.of("status", "CANCELLED")).patch("/api/v1/tasks/" + id).then().statusCode(200);
        as("agent").contentType(MERGE).body(Map.of("status", "OPEN", "dueAt", "2027-01-05T09:00:00Z"))
                .patch("/api/v1/tasks/" + id).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("dueAt", equalTo("2027-01-05T09:00:00Z"));
        as("agent").contentType(MERGE).body(Map.of("id", "x")).patch("/api/v1/tasks/" + id).then().statusCode(400);
    }

    @Test
    void shouldListOnlyOpenTasksPastTheirDueTimeAsOverdue() {
        String customer = customer("EMAIL", "EMAIL");
        String late = task(customer, Map.of("dueAt", Instant.now().minus(Duration.ofHours(5)).toString()));
        task(customer, Map.of("dueAt", Instant.now().plus(Duration.ofHours(5)).toString()));
        String lateButDone = task(customer, Map.of("dueAt", Instant.now().minus(Duration.ofHours(6)).toString()));
        as("agent").contentType(MERGE).body(Map.of("status", "DONE", "outcome", "Done")).patch("/api/v1/tasks/" + lateButDone)
                .then().statusCode(200);

        as("analyst").get("/api/v1/tasks?overdue=true&customerId=" + customer).then().statusCode(200)
                .body("items.id", equalTo(List.of(late)));
        as("analyst").get("/api/v1/customers/" + customer + "/tasks?overdue=true").then().statusCode(200)
                .body("items.id", equalTo(List.of(late)));
        assertThat(as("analyst").get("/api/v1/tasks?status=OPEN&customerId=" + customer).then().statusCode(200).extract()
                .jsonPath().getList("items")).hasSize(2);
    }

    @Test
    void shouldListTheCallersQueueByDueTimeThenHighPriorityFirstAcrossPages() {
        String customer = customer("EMAIL", "EMAIL");
        String due = "2027-03-01T09:00:00Z";
        String normal = task(customer, Map.of("assignee", "test-agent", "dueAt", due, "priority", "NORMAL"));
        String high = task(customer, Map.of("assignee", "test-agent", "dueAt", due, "priority", "HIGH"));
        String earlierLow = task(customer, Map.of("assignee", "test-agent", "dueAt", "2027-02-28T09:00:00Z", "priority", "LOW"));
        task(customer, Map.of("assignee", "someone-else", "dueAt", "2027-02-01T09:00:00Z"));

        var first = as("agent").get("/api/v1/tasks?assignee=me&customerId=" + customer + "&limit=2").then().statusCode(200)
                .body("items.id", equalTo(List.of(earlierLow, high))).extract();
        String cursor = first.path("nextCursor");
        as("agent").get("/api/v1/tasks?assignee=me&customerId=" + customer + "&limit=2&cursor=" + cursor).then()
                .statusCode(200).body("items.id", equalTo(List.of(normal))).body("nextCursor", nullValue());
        as("agent").get("/api/v1/tasks?assignee=someone-else&customerId=" + customer).then().statusCode(200)
                .body("items.size()", equalTo(1));
        as("agent").get("/api/v1/tasks?cursor=garbage").then().statusCode(400);
    }
}
