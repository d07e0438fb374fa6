package io.clientbook.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventFeedTest extends ApiTest {

    @jakarta.inject.Inject
    io.clientbook.task.FollowUpDailyJob job;

    private static String newCustomer(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> purchase(String customer, String externalId, String product) {
        return Map.of("customerId", customer, "externalId", externalId, "occurredAt", "2026-11-01T10:00:00Z",
                "amount", 25.5, "currency", "EUR", "product", product, "channel", "ONLINE");
    }

    private static List<Map<String, Object>> eventsOf(List<Map<String, Object>> events, String customer) {
        return events.stream().filter(e -> customer.equals(e.get("subject"))).toList();
    }

    @Test
    void shouldListEveryChangeOfACustomerInOrderWithItsData() {
        String start = FeedReader.end();
        String id = newCustomer(Map.of("lastName", "Feed", "region", "North"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("region", "South", "buyingStage", "INTERESTED"))
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        String a = unique("feed-a");
        String b = unique("feed-b");
        asAdmin().body(Map.of("purchases", List.of(purchase(id, a, "Tea"), purchase(id, b, "Cake"))))
                .post("/api/v1/purchases/batch").then().statusCode(200);
        String purchaseId = asAdmin().get("/api/v1/customers/" + id + "/purchases").then().statusCode(200)
                .extract().path("items.find { it.externalId == '" + a + "' }.id");
        asAdmin().body(Map.of("reason", "refund")).post("/api/v1/purchases/" + purchaseId + "/void").then().statusCode(200);
        String complaint = asAdmin().body(Map.of("customerId", id, "subject", "Late", "severity", "HIGH"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("status", "IN_PROGRESS"))
                .patch("/api/v1/complaints/" + complaint).then().statusCode(200);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("status", "RESOLVED", "resolution", "Sent again"))
                .patch("/api/v1/complaints/" + complaint).then().statusCode(200);

        awaitPurchaseFollowUps();
        List<Map<String, Object>> all = eventsOf(FeedReader.drain(start, null).items(), id);
        // The follow-up rules' tasks (thank-you, survey, complaint follow-up) are in the feed too.
        assertThat(all).filteredOn(e -> "task.created".equals(e.get("type")))
                .extracting(e -> data(e).get("type")).contains("COMPLAINT_FOLLOW_UP");
        List<Map<String, Object>> events = all.stream().filter(e -> !e.get("type").toString().startsWith("task.")).toList();

        assertThat(events).extracting(e -> e.get("type")).containsExactly("customer.created", "customer.updated",
                "purchase.recorded", "purchase.recorded", "purchase.voided", "complaint.opened", "complaint.updated",
                "complaint.updated", "complaint.resolved");
        assertThat(events).allSatisfy(e -> assertThat(e).containsKeys("id", "occurredAt", "data"));
        assertThat(data(events.get(1))).containsEntry("changedFields", List.of("region", "buyingStage"));
        assertThat(data(events.get(2))).containsEntry("externalId", a).containsEntry("product", "Tea")
                .containsEntry("currency", "EUR").containsEntry("occurredAt", "2026-11-01T10:00:00Z");
        assertThat(data(events.get(3))).containsEntry("externalId", b);
        assertThat(data(events.get(4))).containsEntry("purchaseId", purchaseId).containsKey("voidedAt")
                .doesNotContainKey("reason");
        assertThat(data(events.get(5))).containsEntry("complaintId", complaint).containsEntry("severity", "HIGH");
        assertThat(data(events.get(8))).containsEntry("status", "RESOLVED").containsKey("resolvedAt");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    @Test
    void shouldNeverCarryPersonalDataInEvents() {
        String start = FeedReader.end();
        String id = newCustomer(Map.of("firstName", "Zelda", "lastName", "Quaintance", "email", "zelda.q@example.com",
                "phone", "+44 20 7946 0958", "birthDate", "1985-04-12", "notes", "Prefers mornings"));
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("email", "zq@example.org", "notes", "Call after nine"))
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        asAdmin().body(Map.of("customerId", id, "subject", "Broken zip", "description", "Zelda says the zip broke",
                "severity", "LOW")).post("/api/v1/complaints").then().statusCode(201);
        asAdmin().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "Talked to Zelda"))
                .post("/api/v1/customers/" + id + "/interactions").then().statusCode(201);

        List<Map<String, Object>> events = eventsOf(FeedReader.drain(start, null).items(), id);

        // Task events (the complaint's follow-up) carry no titles either.
        assertThat(events).extracting(e -> e.get("type")).containsExactly("customer.created", "customer.updated",
                "complaint.opened", "task.created", "interaction.logged");
        // Phone and birth date as whole values: their digits alone can occur in any event id.
        assertThat(events.toString()).doesNotContain("Zelda", "Quaintance", "example.com", "example.org", "7946 0958",
                "1985-04", "mornings", "nine", "zip");
        assertThat(data(events.get(1))).containsEntry("changedFields", List.of("email", "notes"));
    }

    @Test
    void shouldPublishTaskEventsAlsoForTasksTheDailyJobMadeSetBased() {
        String start = FeedReader.end();
        String id = newCustomer(Map.of("lastName", "Tasked", "birthDate", "1990-03-05", "preferredChannel", "EMAIL",
                "consent", Map.of("EMAIL", Map.of("granted", true))));
        job.runFor(java.time.LocalDate.of(2033, 3, 1), java.time.Instant.now());
        String task = asAdmin().body(Map.of("customerId", id, "type", "CUSTOM", "title", "Bring Tasked the samples",
                "channel", "VISIT", "dueAt", "2033-01-01T09:00:00Z")).post("/api/v1/tasks").then().statusCode(201)
                .extract().path("id");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("status", "DONE", "outcome", "Left them"))
                .patch("/api/v1/tasks/" + task).then().statusCode(200);

        List<Map<String, Object>> events = eventsOf(FeedReader.drain(start, null).items(), id).stream()
                .filter(e -> e.get("type").toString().startsWith("task.")).toList();

        assertThat(events).extracting(e -> e.get("type")).containsExactly("task.created", "task.created", "task.completed");
        assertThat(data(events.get(0))).containsEntry("type", "BIRTHDAY_GREETING").containsEntry("source", "BIRTHDAY_GREETING")
                .containsEntry("channel", "EMAIL").containsEntry("dueAt", "2033-03-05T09:00:00Z");
        assertThat(data(events.get(1))).containsEntry("taskId", task).containsEntry("source", "MANUAL");
        assertThat(data(events.get(2))).containsEntry("taskId", task).containsKey("completedAt").containsKey("interactionId");
        assertThat(events.toString()).doesNotContain("samples", "Left them");
    }

    @Test
    void shouldPublishAndAuditEveryPurchaseOfABatchOverManyCustomersAndTheTasksItCreated() {
        String start = FeedReader.end();
        List<String> customers = new java.util.ArrayList<>();
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        String occurredAt = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (int i = 0; i < 3; i++) {
            String id = newCustomer(Map.of("lastName", "Batch" + i, "preferredChannel", "EMAIL",
                    "consent", Map.of("EMAIL", Map.of("granted", true))));
            customers.add(id);
            batch.add(Map.of("customerId", id, "externalId", unique("feed-many"), "occurredAt", occurredAt, "amount", 9.5,
                    "currency", "EUR", "product", "Tea", "channel", "ONLINE"));
        }
        asAdmin().body(Map.of("purchases", batch)).post("/api/v1/purchases/batch").then().statusCode(200)
                .body("created", equalTo(3));
        // The thank-you and the survey are made after the purchases' commit, in a transaction of their own.
        awaitPurchaseFollowUps();

        List<Map<String, Object>> feed = FeedReader.drain(start, null).items();
        for (int i = 0; i < 3; i++) {
            String id = customers.get(i);
            Object externalId = batch.get(i).get("externalId");
            List<Map<String, Object>> events = eventsOf(feed, id);
            assertThat(events).extracting(e -> e.get("type")).containsExactlyInAnyOrder("customer.created", "purchase.recorded",
                    "task.created", "task.created");
            assertThat(events).filteredOn(e -> "purchase.recorded".equals(e.get("type"))).singleElement()
                    .satisfies(e -> assertThat(data(e)).containsEntry("externalId", externalId));
            List<Map<String, Object>> tasks = asAdmin().get("/api/v1/customers/" + id + "/tasks").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            assertThat(tasks).extracting(t -> t.get("type")).containsExactlyInAnyOrder("THANK_YOU", "SATISFACTION_SURVEY");
            assertThat(events).filteredOn(e -> "task.created".equals(e.get("type"))).extracting(e -> data(e).get("taskId"))
                    .containsExactlyInAnyOrderElementsOf(tasks.stream().map(t -> t.get("id")).toList());
            List<String> auditedTasks = asAdmin().get("/api/v1/customers/" + id + "/audit?resourceType=task").then()
                    .statusCode(200).extract().jsonPath().getList("items.findAll { it.action == 'CREATE' }.resourceId");
            assertThat(auditedTasks).containsExactlyInAnyOrderElementsOf(tasks.stream().map(t -> (String) t.get("id")).toList());
            assertThat(asAdmin().get("/api/v1/customers/" + id + "/audit?resourceType=purchase").then().statusCode(200)
                    .extract().jsonPath().getList("items.action")).containsExactly("CREATE");
        }
    }

    @Test
    void shouldFilterByTypeAndPage() {
        String start = FeedReader.end();
        String id = newCustomer(Map.of("lastName", "Pager"));
        for (int i = 0; i < 3; i++) {
            asAdmin().body(purchase(id, unique("page"), "Tea")).post("/api/v1/purchases").then().statusCode(201);
        }
        FeedReader.Page first = FeedReader.page(start, "purchase.recorded", 2);
        FeedReader.Page second = FeedReader.page(first.nextCursor(), "purchase.recorded", 2);

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(List.of(first.items(), second.items())).allSatisfy(items -> assertThat(items)
                .allSatisfy(e -> assertThat(e).containsEntry("type", "purchase.recorded").containsEntry("subject", id)));
        assertThat(FeedReader.page(start, "customer.created,customer.updated", 50).items())
                .extracting(e -> e.get("type")).containsExactly("customer.created");
    }

    @Test
    void shouldAnswerAnEmptyPageWithTheSameCursorWhenNothingIsNew() {
        String end = FeedReader.end();
        FeedReader.Page page = FeedReader.page(end, null, 10);
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEqualTo(end);
    }

    @Test
    void shouldShowAnalystsTheSameEvents() {
        String start = FeedReader.end();
        String id = newCustomer(Map.of("lastName", "Analysed", "email", "analysed@example.com"));
        List<Map<String, Object>> events = as("analyst").queryParam("after", start).get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(eventsOf(events, id)).extracting(e -> e.get("type")).containsExactly("customer.created");
    }

    @Test
    void shouldRejectABadCursorTypeOrLimitNamingTheParameter() {
        asAdmin().queryParam("after", "not-a-cursor").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        asAdmin().queryParam("after", "ZmVlZDE6eDp5").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        asAdmin().queryParam("types", "customer.created,customer.deleted").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("types"));
        asAdmin().queryParam("limit", "0").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        // Trimmed away, a lone NUL read as "no types" and the filter was silently dropped.
        asAdmin().queryParam("types", "\u0000").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("types"));
    }

    @Test
    void shouldEmitNothingForARolledBackChange() {
        String start = FeedReader.end();
        String id = newCustomer(Map.of("lastName", "RolledBack"));
        asAdmin().body(Map.of("purchases", List.of(purchase(id, unique("rb-ok"), "Tea"),
                purchase(id, unique("rb-fail"), FailingPurchaseObserver.FAIL_PRODUCT))))
                .post("/api/v1/purchases/batch").then().statusCode(500);
        // A customer creation failed by the event package's test observer leaves nothing either.
        String ref = unique("rb-customer");
        asAdmin().body(Map.of("lastName", "ObserverFailsHere", "externalRef", ref))
                .post("/api/v1/customers").then().statusCode(500);
        String later = unique("rb-later");
        asAdmin().body(purchase(id, later, "Cake")).post("/api/v1/purchases").then().statusCode(201);

        List<Map<String, Object>> events = FeedReader.drain(start, null).items();

        assertThat(eventsOf(events, id)).extracting(e -> e.get("type")).containsExactly("customer.created", "purchase.recorded");
        assertThat(data(eventsOf(events, id).get(1))).containsEntry("externalId", later);
        assertThat(events).filteredOn(e -> e.get("type").equals("customer.created"))
                .extracting(e -> e.get("subject")).containsOnly(id);
    }
}
