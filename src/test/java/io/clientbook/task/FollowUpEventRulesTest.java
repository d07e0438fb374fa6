package io.clientbook.task;

import static io.clientbook.task.TaskFixtures.customer;
import static io.clientbook.task.TaskFixtures.purchase;
import static io.clientbook.task.TaskFixtures.skips;
import static io.clientbook.task.TaskFixtures.tasks;
import static io.clientbook.task.TaskFixtures.tasksOfType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** The event rules through HTTP: tasks appear with their trigger, once, on a consented channel, within the cap. */
@QuarkusTest
class FollowUpEventRulesTest extends ApiTest {

    private static final String MERGE = "application/merge-patch+json";

    private static Instant hoursAgo(int hours) {
        return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void shouldCreateTheThankYouAndTheSurveyExactlyOnceEvenWhenThePurchaseIsResent() {
        String customer = customer("EMAIL", "EMAIL");
        Instant at = hoursAgo(1);
        Map<String, Object> body = purchase(customer, at);
        String purchaseId = as("integration").body(body).post("/api/v1/purchases").then().statusCode(201).extract().path("id");
        as("integration").body(body).post("/api/v1/purchases").then().statusCode(200);

        List<Map<String, Object>> all = tasks(customer).getList("items");
        assertThat(all).extracting(t -> t.get("type")).containsExactly("THANK_YOU", "SATISFACTION_SURVEY");
        Map<String, Object> thanks = all.get(0);
        assertThat(thanks.get("dueAt")).isEqualTo(at.plus(Duration.ofDays(2)).toString());
        assertThat(all.get(1).get("dueAt")).isEqualTo(at.plus(Duration.ofDays(7)).toString());
        assertThat(thanks.get("channel")).isEqualTo("EMAIL");
        assertThat(thanks.get("source")).isEqualTo("THANK_YOU");
        assertThat(thanks.get("triggerKey")).isEqualTo("purchase:" + purchaseId);
        assertThat(thanks.get("status")).isEqualTo("OPEN");
        assertThat((String) thanks.get("assignee")).startsWith("owner-");
        assertThat(skips(customer)).isEmpty();
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("clientbook_tasks_created_total{rule=\"THANK_YOU\"}");
    }

    @Test
    void shouldCreateTasksOnceFromABatchResentAndMergeACustomersPurchasesWithinTheCap() {
        String first = customer("SMS", "SMS");
        String second = customer(null, "EMAIL");
        Map<String, Object> batch = Map.of("purchases", List.of(purchase(first, hoursAgo(3)), purchase(first, hoursAgo(2)),
                purchase(second, hoursAgo(1))));
        asAdmin().body(batch).post("/api/v1/purchases/batch").then().statusCode(200);
        asAdmin().body(batch).post("/api/v1/purchases/batch").then().statusCode(200);

        // Two purchases an hour apart: one thank-you and one survey (for the earlier one); the others are capped.
        assertThat(tasksOfType(first, "THANK_YOU")).hasSize(1);
        assertThat(tasksOfType(first, "SATISFACTION_SURVEY")).hasSize(1);
        assertThat(tasksOfType(first, "THANK_YOU").get(0).get("channel")).isEqualTo("SMS");
        assertThat(skips(first)).extracting(s -> s.get("reason")).containsOnly("FREQUENCY_CAP").hasSize(2);
        assertThat(tasks(second).getList("items")).hasSize(2);
        assertThat(tasksOfType(second, "THANK_YOU").get(0).get("channel")).isEqualTo("EMAIL");
    }

    @Test
    void shouldGiveACustomerWithoutConsentNoMarketingTaskAndRecordWhy() {
        String customer = asAdmin().body(Map.of("lastName", unique("NoConsent"), "preferredChannel", "PHONE",
                "consent", Map.of("PHONE", Map.of("granted", false)))).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        as("integration").body(purchase(customer, hoursAgo(1))).post("/api/v1/purchases").then().statusCode(201);

        assertThat(tasks(customer).getList("items")).isEmpty();
        List<Map<String, Object>> skips = skips(customer);
        assertThat(skips).extracting(s -> s.get("reason")).containsExactly("NO_CONSENT", "NO_CONSENT");
        assertThat(skips).extracting(s -> s.get("rule")).containsExactlyInAnyOrder("THANK_YOU", "SATISFACTION_SURVEY");
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("clientbook_tasks_skipped_total{reason=\"NO_CONSENT\",rule=\"THANK_YOU\"}");
        assertThat(asAdmin().get("/api/v1/follow-up-rules/skips?customerId=" + customer + "&rule=THANK_YOU&reason=NO_CONSENT")
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void shouldFallBackToAnotherConsentedChannelWhenThePreferredOneIsNotConsented() {
        String customer = customer("PHONE", "SOCIAL");
        as("integration").body(purchase(customer, hoursAgo(1))).post("/api/v1/purchases").then().statusCode(201);
        assertThat(tasksOfType(customer, "THANK_YOU").get(0).get("channel")).isEqualTo("SOCIAL");
    }

    @Test
    void shouldNotAskForAThankYouForAPurchaseBackFilledFromLastYear() {
        String customer = customer("EMAIL", "EMAIL");
        as("integration").body(purchase(customer, Instant.now().minus(Duration.ofDays(400)))).post("/api/v1/purchases")
                .then().statusCode(201);
        assertThat(tasks(customer).getList("items")).isEmpty();
        assertThat(skips(customer)).extracting(s -> s.get("reason")).containsExactly("TOO_LATE", "TOO_LATE");
    }

    @Test
    void shouldSkipMarketingTasksTooCloseToAnotherOpenOrRecentlyDoneContact() {
        // An open invitation due in 3 days: the thank-you (2 days) and the survey (7 days) are too close.
        String capped = customer("EMAIL", "EMAIL");
        manualTask(capped, "PROMOTION_INVITE", Instant.now().plus(Duration.ofDays(3)));
        as("integration").body(purchase(capped, hoursAgo(1))).post("/api/v1/purchases").then().statusCode(201);
        assertThat(tasks(capped).getList("items")).hasSize(1);
        assertThat(skips(capped)).extracting(s -> s.get("reason")).containsOnly("FREQUENCY_CAP").hasSize(2);

        // Due in 20 days: far enough from both.
        String free = customer("EMAIL", "EMAIL");
        manualTask(free, "PROMOTION_INVITE", Instant.now().plus(Duration.ofDays(20)));
        as("integration").body(purchase(free, hoursAgo(1))).post("/api/v1/purchases").then().statusCode(201);
        assertThat(tasks(free).getList("items")).hasSize(3);

        // A check-in due a month ago but done just now: both new contacts are within 7 days of that contact.
        String recent = customer("EMAIL", "EMAIL");
        String done = manualTask(recent, "CHECK_IN", Instant.now().minus(Duration.ofDays(30)));
        asAdmin().contentType(MERGE).body(Map.of("status", "DONE", "outcome", "Talked")).patch("/api/v1/tasks/" + done)
                .then().statusCode(200);
        as("integration").body(purchase(recent, hoursAgo(1))).post("/api/v1/purchases").then().statusCode(201);
        assertThat(tasks(recent).getList("items")).hasSize(1);
        assertThat(skips(recent)).extracting(s -> s.get("reason")).containsOnly("FREQUENCY_CAP").hasSize(2);

        // A complaint follow-up is not marketing: neither capped nor capping.
        String complaint = customer("EMAIL", "EMAIL");
        manualTask(complaint, "PROMOTION_INVITE", Instant.now().plus(Duration.ofDays(1)));
        asAdmin().body(Map.of("customerId", complaint, "subject", "Broken", "severity", "LOW")).post("/api/v1/complaints")
                .then().statusCode(201);
        assertThat(tasksOfType(complaint, "COMPLAINT_FOLLOW_UP")).hasSize(1);
    }

    @Test
    void shouldCreateAHighPriorityFollowUpDueWithin24HoursOfAComplaintAndAFeedbackRequestAfterResolution() {
        String customer = asAdmin().body(Map.of("lastName", unique("Unhappy"), "owner", "service-desk"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        Instant openedAt = hoursAgo(2);
        String complaint = asAdmin().body(Map.of("customerId", customer, "subject", "Late delivery", "severity", "HIGH",
                "channel", "PHONE", "openedAt", openedAt.toString())).post("/api/v1/complaints").then().statusCode(201)
                .extract().path("id");

        List<Map<String, Object>> opened = tasksOfType(customer, "COMPLAINT_FOLLOW_UP");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).get("priority")).isEqualTo("HIGH");
        assertThat(opened.get(0).get("dueAt")).isEqualTo(openedAt.plus(Duration.ofHours(24)).toString());
        assertThat(opened.get(0).get("channel")).isEqualTo("PHONE");
        assertThat(opened.get(0).get("assignee")).isEqualTo("service-desk");
        assertThat(opened.get(0).get("triggerKey")).isEqualTo("complaint:" + complaint + ":opened");

        asAdmin().contentType(MERGE).body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/complaints/" + complaint).then()
                .statusCode(200);
        String resolvedAt = asAdmin().contentType(MERGE).body(Map.of("status", "RESOLVED", "resolution", "Refunded"))
                .patch("/api/v1/complaints/" + complaint).then().statusCode(200).extract().path("resolvedAt");
        List<Map<String, Object>> all = tasksOfType(customer, "COMPLAINT_FOLLOW_UP");
        assertThat(all).hasSize(2);
        assertThat(all.get(1).get("dueAt")).isEqualTo(Instant.parse(resolvedAt).plus(Duration.ofDays(3)).toString());
        assertThat(all.get(1).get("triggerKey")).isEqualTo("complaint:" + complaint + ":resolved");
    }

    @Test
    void shouldFollowUpInterestedCustomersTheNextDayAndNotNowOnesBeforeTheirExpectedDate() {
        String customer = customer("EMAIL", "EMAIL");
        asAdmin().contentType(MERGE).body(Map.of("buyingStage", "INTERESTED")).patch("/api/v1/customers/" + customer).then()
                .statusCode(200);
        List<Map<String, Object>> intent = tasksOfType(customer, "PURCHASE_INTENT");
        assertThat(intent).hasSize(1);
        Instant due = Instant.parse((String) intent.get(0).get("dueAt"));
        assertThat(due).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        String later = customer("EMAIL", "EMAIL");
        LocalDate expected = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60);
        asAdmin().contentType(MERGE).body(Map.of("buyingStage", "NOT_NOW", "expectedPurchaseDate", expected.toString()))
                .patch("/api/v1/customers/" + later).then().statusCode(200);
        List<Map<String, Object>> notNow = tasksOfType(later, "PURCHASE_INTENT");
        assertThat(notNow).hasSize(1);
        assertThat(notNow.get(0).get("dueAt")).isEqualTo(expected.minusDays(7) + "T09:00:00Z");
        assertThat(notNow.get(0).get("triggerKey")).isEqualTo("not-now:" + expected);
    }

    @Test
    void shouldCreateNothingForADisabledRule() {
        Map<String, Object> rule = asAdmin().get("/api/v1/follow-up-rules/THANK_YOU").then().statusCode(200).extract()
                .jsonPath().getMap("");
        Map<String, Object> settings = FollowUpRuleResourceTest.settingsOf(rule);
        settings.put("enabled", false);
        asAdmin().body(settings).put("/api/v1/follow-up-rules/THANK_YOU").then().statusCode(200);
        try {
            String customer = customer("EMAIL", "EMAIL");
            as("integration").body(purchase(customer, hoursAgo(1))).post("/api/v1/purchases").then().statusCode(201);
            assertThat(tasks(customer).<String>getList("items.type")).containsExactly("SATISFACTION_SURVEY");
        } finally {
            settings.put("enabled", true);
            asAdmin().body(settings).put("/api/v1/follow-up-rules/THANK_YOU").then().statusCode(200);
        }
    }

    static String manualTask(String customerId, String type, Instant dueAt) {
        return asAdmin().body(Map.of("customerId", customerId, "type", type, "title", "By hand", "dueAt", dueAt.toString()))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");
    }
}
