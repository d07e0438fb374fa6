package io.clientbook.task;

import static io.clientbook.task.TaskFixtures.customer;
import static io.clientbook.task.TaskFixtures.purchase;
import static io.clientbook.task.TaskFixtures.skips;
import static io.clientbook.task.TaskFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The worker that makes purchases' follow-ups after their commit, through HTTP and against the real
 * database: exactly once when workers race or a batch is replayed, made after a worker died before
 * them, and resumed after its connection was lost in the middle of a batch.
 */
@QuarkusTest
class PurchaseFollowUpWorkerTest extends ApiTest {

    private static final String POSITION = "SELECT after_tx_id, after_seq FROM outbox_consumer WHERE name = 'purchase-follow-ups'";

    @Inject
    PurchaseFollowUpWorker worker;

    private static Instant hourAgo() {
        return Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The customer's tasks as the API lists them now, without waiting for the worker. */
    private static List<Object> typesNow(String customer) {
        return asAdmin().get("/api/v1/customers/" + customer + "/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.type");
    }

    @Test
    void shouldMakeTheFollowUpsAfterARestartWhenTheWorkerDiedBeforeMakingThem() throws Exception {
        String customer = customer("EMAIL", "EMAIL");
        try (Connection dying = connectOutsideThePool(); Connection other = connectOutsideThePool()) {
            dying.setAutoCommit(false);
            // A worker in the middle of its batch: it holds the position and has moved it past everything.
            query(dying, POSITION + " FOR UPDATE");
            execute(dying, "UPDATE outbox_consumer SET after_tx_id = after_tx_id + 1000000 WHERE name = 'purchase-follow-ups'");
            as("integration").body(purchase(customer, hourAgo())).post("/api/v1/purchases").then().statusCode(201);
            // The scheduled worker's turns come and go meanwhile: the batch is another's, so it skips them.
            Thread.sleep(1500);
            assertThat(typesNow(customer)).isEmpty();
            // The process dies: its session ends and its transaction rolls back, the moved position with it.
            assertThat(query(other, "SELECT pg_terminate_backend(" + backendPid(dying) + ")::text")).containsExactly("true");
        }

        assertThat(tasks(customer).getList("items.type")).containsExactly("THANK_YOU", "SATISFACTION_SURVEY");
        awaitPurchaseFollowUps();
        assertThat(typesNow(customer)).hasSize(2);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("clientbook_followups_lag_seconds_count", "clientbook_followups_lag_seconds_bucket");
    }

    @Test
    void shouldMakeEachFollowUpOnceWhenWorkersRaceAndWhenABatchIsReplayed() throws Exception {
        List<String> customers = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String customer = customer("EMAIL", "EMAIL");
            customers.add(customer);
            batch.add(purchase(customer, hourAgo()));
        }
        // One whose consent is missing: skipped, and the skip too is recorded once.
        String unconsented = customer(null);
        batch.add(purchase(unconsented, hourAgo()));
        List<String> before;
        try (Connection c = connectOutsideThePool()) {
            before = query(c, POSITION);
        }
        as("integration").body(Map.of("purchases", batch)).post("/api/v1/purchases/batch").then().statusCode(200);

        // Three drains at once, beside the scheduled worker.
        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> worker.drain(Duration.ofSeconds(20))));
        }
        for (CompletableFuture<Integer> r : racing) {
            r.get(30, TimeUnit.SECONDS);
        }
        for (String customer : customers) {
            assertThat(typesNow(customer)).containsExactly("THANK_YOU", "SATISFACTION_SURVEY");
        }
        assertThat(skips(unconsented)).extracting(s -> s.get("reason")).containsExactly("NO_CONSENT", "NO_CONSENT");

        // The position set back to before the batch (a restored backup, a lost update): the replay adds nothing.
        try (Connection c = connectOutsideThePool()) {
            execute(c, "UPDATE outbox_consumer SET after_tx_id = " + before.get(0) + ", after_seq = " + before.get(1)
                    + " WHERE name = 'purchase-follow-ups'");
        }
        assertThat(worker.drain(Duration.ofSeconds(20))).isGreaterThanOrEqualTo(batch.size());
        for (String customer : customers) {
            assertThat(typesNow(customer)).containsExactly("THANK_YOU", "SATISFACTION_SURVEY");
        }
        assertThat(skips(unconsented)).hasSize(2);
    }

    @Test
    void shouldResumeAfterTheWorkersDatabaseConnectionIsLostInTheMiddleOfABatch() throws Exception {
        String customer = customer("EMAIL", "EMAIL");
        CompletableFuture<Integer> drain;
        try (Connection blocker = connectOutsideThePool(); Connection other = connectOutsideThePool()) {
            blocker.setAutoCommit(false);
            // Whichever worker takes the batch stops at its first task insert and waits there.
            execute(blocker, "LOCK TABLE task IN SHARE ROW EXCLUSIVE MODE");
            as("integration").body(purchase(customer, hourAgo())).post("/api/v1/purchases").then().statusCode(201);
            drain = CompletableFuture.supplyAsync(() -> worker.drain(Duration.ofSeconds(30)));
            String waiting = awaitBackendWaitingToInsertTasks(other);
            // Its connection is lost mid-batch (as in a database restart): that batch rolls back whole.
            assertThat(query(other, "SELECT pg_terminate_backend(" + waiting + ")::text")).containsExactly("true");
            assertThat(typesNow(customer)).isEmpty();
            blocker.rollback();
        }
        try {
            drain.get(40, TimeUnit.SECONDS);
        } catch (ExecutionException lost) {
            // The drain's own connection may have been the one lost; the next run starts afresh.
        }
        assertThat(tasks(customer).getList("items.type")).containsExactly("THANK_YOU", "SATISFACTION_SURVEY");
    }

    /**
     * The pid of a backend blocked on a lock in a task generation (the worker's), within 10 s; found by
     * the statement's start, as pg_stat_activity keeps only its first kilobyte.
     */
    private static String awaitBackendWaitingToInsertTasks(Connection c) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<String> pids = query(c, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'WITH cand AS%' AND pid <> pg_backend_pid()");
            if (!pids.isEmpty()) {
                return pids.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no worker reached the task insert");
    }

    private static String backendPid(Connection c) throws SQLException {
        return query(c, "SELECT pg_backend_pid()").get(0);
    }
}
