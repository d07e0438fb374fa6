package io.clientbook.task;

import static io.clientbook.task.TaskFixtures.customer;
import static io.clientbook.task.TaskFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Purchases committed while an older transaction is still running on the server get their follow-ups
 * at once, not when that transaction ends; the older transaction's own purchases still get theirs once
 * it commits; a transaction is handled early only whole, and only once. The scheduled worker and its
 * nudge are off here, so each batch is the test's own call.
 */
@QuarkusTest
@TestProfile(PurchaseFollowUpsEarlyTest.WorkerOff.class)
class PurchaseFollowUpsEarlyTest extends ApiTest {

    /** No poll, no nudge: batches run only when a test asks. */
    public static class WorkerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clientbook.tasks.follow-up-worker.enabled", "false");
        }
    }

    @Inject
    PurchaseFollowUps followUps;

    private static final Instant HOUR_AGO = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void drainEarlierPurchases() {
        awaitPurchaseFollowUps();
    }

    @Test
    void shouldMakeFollowUpsAtOnceWhileAnOlderTransactionRunsAndTheOlderOnesAfterItCommits() throws Exception {
        String early = customer("EMAIL", "EMAIL");
        String older = customer("EMAIL", "EMAIL");
        try (Connection open = connectOutsideThePool()) {
            open.setAutoCommit(false);
            // An older transaction holds the feed's horizon back, and records a purchase of its own.
            UUID purchaseId = UUID.randomUUID();
            execute(open, "INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, version, created_at) "
                    + "VALUES ('" + purchaseId + "', '" + older + "', 'early-test-" + purchaseId + "', now() - interval '1 hour', 10, 'EUR', 0, now())");
            execute(open, "INSERT INTO event_outbox (id, type, subject, occurred_at, data) VALUES (gen_random_uuid(), "
                    + "'purchase.recorded', '" + older + "', now(), jsonb_build_object('purchaseId', '" + purchaseId + "'))");

            as("integration").body(purchase(early, HOUR_AGO)).post("/api/v1/purchases").then().statusCode(201);
            followUps.next(2000, true);
            assertThat(typesNow(early)).containsExactlyInAnyOrder("THANK_YOU", "SATISFACTION_SURVEY");
            assertThat(typesNow(older)).isEmpty();
            open.commit();
        }
        awaitPurchaseFollowUps();
        assertThat(typesNow(older)).containsExactlyInAnyOrder("THANK_YOU", "SATISFACTION_SURVEY");
        assertThat(typesNow(early)).hasSize(2);
        // Passed by the position: the list of transactions handled early is empty again.
        try (Connection c = connectOutsideThePool()) {
            assertThat(query(c, "SELECT count(*) FROM outbox_consumer_done")).containsExactly("0");
        }
    }

    @Test
    void shouldHandleATransactionAboveTheHorizonOnlyWhole() throws Exception {
        String first = customer("EMAIL", "EMAIL");
        String second = customer("EMAIL", "EMAIL");
        try (Connection open = connectOutsideThePool()) {
            open.setAutoCommit(false);
            execute(open, "SELECT txid_current()");
            // One transaction, two events, committed above the horizon the open transaction holds.
            as("integration").body(Map.of("purchases", List.of(purchase(first, HOUR_AGO), purchase(second, HOUR_AGO))))
                    .post("/api/v1/purchases/batch").then().statusCode(200);
            // Room for one event: the transaction does not fit, so none of it is handled yet.
            followUps.next(1, true);
            assertThat(typesNow(first)).isEmpty();
            assertThat(typesNow(second)).isEmpty();
            followUps.next(3, true);
            assertThat(typesNow(first)).hasSize(2);
            assertThat(typesNow(second)).hasSize(2);
            open.commit();
        }
        awaitPurchaseFollowUps();
        assertThat(typesNow(first)).hasSize(2);
        assertThat(typesNow(second)).hasSize(2);
    }

    @Test
    void shouldNotHandleAnEarlyTransactionAgainOnceTheHorizonPassesIt() throws Exception {
        String customer = customer("EMAIL", "EMAIL");
        try (Connection open = connectOutsideThePool()) {
            open.setAutoCommit(false);
            execute(open, "SELECT txid_current()");
            as("integration").body(purchase(customer, HOUR_AGO)).post("/api/v1/purchases").then().statusCode(201);
            assertThat(followUps.next(2000, true).recordedAt()).hasSize(1);
            open.commit();
        }
        // Below the horizon now, and nothing new: these batches are idle, and store their position at most
        // once a minute. The early transaction stays left out until the stored position passes it.
        assertThat(followUps.next(2000, true).recordedAt()).isEmpty();
        assertThat(followUps.next(2000, true).recordedAt()).isEmpty();
        assertThat(typesNow(customer)).hasSize(2);
    }

    private static List<Object> typesNow(String customer) {
        return asAdmin().get("/api/v1/customers/" + customer + "/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.type");
    }
}
