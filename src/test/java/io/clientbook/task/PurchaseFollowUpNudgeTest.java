package io.clientbook.task;

import static io.clientbook.task.TaskFixtures.customer;
import static io.clientbook.task.TaskFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A commit of purchases nudges this instance's follow-up worker: with the poll an hour apart, only the
 * nudge can make the follow-ups within seconds of the 201.
 */
@QuarkusTest
@TestProfile(PurchaseFollowUpNudgeTest.HourlyPoll.class)
class PurchaseFollowUpNudgeTest extends ApiTest {

    /** The scheduled poll runs at start and then once an hour. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clientbook.tasks.follow-up-worker.poll-interval", "PT1H");
        }
    }

    @Test
    void shouldMakeAPurchasesFollowUpsSoonAfterItsCommitWithoutThePoll() throws InterruptedException {
        String customer = customer("EMAIL", "EMAIL");
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        as("integration").body(purchase(customer, hourAgo)).post("/api/v1/purchases").then().statusCode(201);

        // Not drained: the tasks appear by the worker's own doing, or not at all.
        Instant deadline = Instant.now().plusSeconds(10);
        List<Object> types = typesNow(customer);
        while (types.size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            types = typesNow(customer);
        }
        assertThat(types).containsExactlyInAnyOrder("THANK_YOU", "SATISFACTION_SURVEY");
    }

    private static List<Object> typesNow(String customer) {
        return asAdmin().get("/api/v1/customers/" + customer + "/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.type");
    }
}
