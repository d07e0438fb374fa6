package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.feed.FeedReader;
import io.quarkus.test.junit.QuarkusTest;

/** A tier run turns its changes into work (VIP welcome, win-back) and into tier.changed events. */
@QuarkusTest
class TierChangeFollowUpTest extends TierFixtures {

    private static List<Map<String, Object>> tasksOf(String customerId, String type) {
        return asAdmin().get("/api/v1/customers/" + customerId + "/tasks?type=" + type).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> tierEventsOf(String customerId, String after) {
        return FeedReader.drain(after, "tier.changed").items().stream()
                .filter(e -> customerId.equals(e.get("subject"))).toList();
    }

    @Test
    void shouldWelcomeANewACustomerAndWinBackOneWhoDropsFromA() {
        String customer = as("agent").body(Map.of("lastName", "Whale", "preferredChannel", "EMAIL",
                "consent", Map.of("EMAIL", Map.of("granted", true)))).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        // Spend no one else in the test database comes near: certainly tier A. Voided again below, so
        // later runs of other tests do not see it. Old enough that its thank-you and survey are past
        // (TOO_LATE), which would otherwise hold the welcome back under the frequency cap.
        String whale = purchase(customer, "99999999.99", Duration.ofDays(20));
        String feedStart = FeedReader.end();
        String firstRun;
        try {
            firstRun = runToSuccess().getString("id");
        } finally {
            voidPurchase(whale);
        }
        assertThat(customerJson(customer).getString("tier")).isEqualTo("A");

        List<Map<String, Object>> welcome = tasksOf(customer, "VIP_WELCOME");
        assertThat(welcome).hasSize(1);
        assertThat(welcome.get(0)).containsEntry("source", "VIP_WELCOME").containsEntry("triggerKey", "tier-run:" + firstRun)
                .containsEntry("channel", "EMAIL");

        // The welcome is called off; otherwise the win-back, 3 days later, would fall under the frequency cap.
        asAdmin().contentType("application/merge-patch+json").body(Map.of("status", "CANCELLED"))
                .patch("/api/v1/tasks/" + welcome.get(0).get("id")).then().statusCode(200);
        String secondRun = runToSuccess().getString("id");
        assertThat(customerJson(customer).getString("tier")).isEqualTo("C");

        List<Map<String, Object>> winBack = tasksOf(customer, "WIN_BACK");
        assertThat(winBack).hasSize(1);
        assertThat(winBack.get(0)).containsEntry("triggerKey", "tier-run:" + secondRun).containsEntry("priority", "HIGH");
        assertThat(tasksOf(customer, "VIP_WELCOME")).hasSize(1);

        List<Map<String, Object>> events = tierEventsOf(customer, feedStart);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("runId", firstRun).containsEntry("toTier", "A");
        assertThat(events.get(1).get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("runId", secondRun).containsEntry("fromTier", "A").containsEntry("toTier", "C");
    }
}
