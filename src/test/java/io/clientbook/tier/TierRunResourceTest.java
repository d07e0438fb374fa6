package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.common.schedule.ScheduledFirings;
import io.clientbook.customer.Tier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TierRunResourceTest extends TierFixtures {

    @Inject
    DataSource dataSource;
    @Inject
    RecordingTierObserver observer;
    @Inject
    TierRunService service;

    private record Stored(Tier tier, Integer r, Integer f, Integer m, RfmSegment segment) {
    }

    @Test
    void shouldAgreeWithTheDefinitionsForEveryCustomer() throws Exception {
        // Ties, a crossing customer, old-only, void-only, never bought; on top of whatever other tests stored.
        String big = customer();
        purchase(big, "500.00", Duration.ofDays(3));
        String tieA = customer();
        String tieB = customer();
        purchase(tieA, "120.00", Duration.ofDays(40));
        purchase(tieB, "120.00", Duration.ofDays(40).plusHours(2));
        String frequent = customer();
        for (int i = 1; i <= 4; i++) {
            purchase(frequent, "15.50", Duration.ofDays(30L * i));
        }
        String old = customer();
        purchase(old, "9000.00", Duration.ofDays(400));
        String voided = customer();
        voidPurchase(purchase(voided, "7000.00", Duration.ofDays(5)));
        String never = customer();

        JsonPath run = runToSuccess();
        Instant asOf = Instant.parse(run.getString("asOf"));
        TierPolicyValues policy = new TierPolicyValues(run.getInt("policy.windowDays"),
                new BigDecimal(run.getString("policy.cutA")), new BigDecimal(run.getString("policy.cutB")));

        List<UUID> customers = new ArrayList<>();
        Map<UUID, Stored> stored = new java.util.HashMap<>();
        List<TierScorer.Purchase> purchases = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT id, tier, rfm_recency, rfm_frequency, rfm_monetary, rfm_segment FROM customer
                    WHERE erased_at IS NULL""")) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    customers.add(id);
                    stored.put(id, new Stored(rs.getString(2) == null ? null : Tier.valueOf(rs.getString(2)),
                            (Integer) rs.getObject(3, Integer.class), rs.getObject(4, Integer.class),
                            rs.getObject(5, Integer.class),
                            rs.getString(6) == null ? null : RfmSegment.valueOf(rs.getString(6))));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT customer_id, occurred_at, amount, voided_at IS NOT NULL FROM purchase")) {
                while (rs.next()) {
                    purchases.add(new TierScorer.Purchase(rs.getObject(1, UUID.class),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getBigDecimal(3), rs.getBoolean(4)));
                }
            }
        }
        Map<UUID, TierScorer.Score> expected = TierScorer.score(customers, purchases, asOf, policy);
        // Customers created after the run started are not scored yet (none are created here meanwhile).
        for (UUID id : customers) {
            TierScorer.Score e = expected.get(id);
            assertThat(stored.get(id)).as("customer " + id)
                    .isEqualTo(new Stored(e.tier(), e.recency(), e.frequency(), e.monetary(), e.segment()));
        }
        assertThat(run.getLong("customersScored")).isEqualTo(customers.size());
        assertThat(run.getMap("countsByTier")).containsOnlyKeys("A", "B", "C");
        for (Tier t : Tier.values()) {
            assertThat(run.getLong("countsByTier." + t))
                    .isEqualTo(expected.values().stream().filter(s -> s.tier() == t).count());
        }

        JsonPath oldOne = customerJson(old);
        assertThat(oldOne.getString("tier")).isEqualTo("C");
        assertThat(oldOne.getString("rfm.segment")).isEqualTo("LOST");
        assertThat(oldOne.getString("rfm.recency")).isNull();
        assertThat(customerJson(never).getString("rfm.segment")).isEqualTo("PROSPECT");
        assertThat(customerJson(voided).getString("rfm.segment")).isEqualTo("PROSPECT");
        JsonPath bigOne = customerJson(big);
        assertThat(bigOne.getString("tierChangedAt")).isEqualTo(run.getString("asOf"));
        assertThat(bigOne.getInt("rfm.recency")).isBetween(1, 5);
    }

    @Test
    void shouldRecordEachTierOrSegmentChangeInTheCustomersHistoryNewestFirst() {
        purchase(customer(), "1000000.00", Duration.ofDays(1));
        String id = customer();
        purchase(id, "1.00", Duration.ofDays(300));
        JsonPath first = runToSuccess();
        assertThat(first.getLong("changes")).isPositive();

        asAdmin().get("/api/v1/customers/" + id + "/tier-history").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].runId", equalTo(first.getString("id")))
                .body("items[0].fromTier", equalTo(null))
                .body("items[0].fromSegment", equalTo(null))
                .body("items[0].changedAt", equalTo(first.getString("asOf")));
        String tierAfterFirst = customerJson(id).getString("tier");

        // Nothing about this customer changes: no new entry.
        runToSuccess();
        asAdmin().get("/api/v1/customers/" + id + "/tier-history").then().body("items.size()", equalTo(1));

        // A purchase large enough to lead everyone: A, and a second entry on top.
        purchase(id, "99999999.00", Duration.ofHours(1));
        JsonPath third = runToSuccess();
        JsonPath history = asAdmin().get("/api/v1/customers/" + id + "/tier-history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items")).hasSize(2);
        assertThat(history.getString("items[0].runId")).isEqualTo(third.getString("id"));
        assertThat(history.getString("items[0].toTier")).isEqualTo("A");
        assertThat(history.getString("items[0].fromTier")).isEqualTo(tierAfterFirst);
        assertThat(history.getString("items[1].runId")).isEqualTo(first.getString("id"));
        assertThat(customerJson(id).getString("tier")).isEqualTo("A");
        assertThat(customerJson(id).getString("tierChangedAt")).isEqualTo(third.getString("asOf"));

        String cursor = asAdmin().queryParam("limit", 1).get("/api/v1/customers/" + id + "/tier-history").then()
                .statusCode(200).body("items[0].runId", equalTo(third.getString("id"))).extract().path("nextCursor");
        asAdmin().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/customers/" + id + "/tier-history")
                .then().statusCode(200).body("items[0].runId", equalTo(first.getString("id")))
                .body("nextCursor", equalTo(null));
        // Its cursor pages this customer's history only.
        asAdmin().queryParam("cursor", cursor).get("/api/v1/customers/" + customer() + "/tier-history")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldAnswer404ForTheHistoryOfAnUnknownCustomer() {
        asAdmin().get("/api/v1/customers/" + UUID.randomUUID() + "/tier-history").then().statusCode(404);
        asAdmin().get("/api/v1/tier-runs/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldShowTheRunRunningAndAnswer409ToASecondTrigger() throws Exception {
        String blocked = customer();
        try (Connection lockHolder = holdRowLock(blocked)) {
            String runId = startRun();
            asAdmin().get("/api/v1/tier-runs/" + runId).then().statusCode(200)
                    .body("status", equalTo("RUNNING")).body("trigger", equalTo("MANUAL"))
                    .body("finishedAt", equalTo(null)).body("customersScored", equalTo(null));
            asAdmin().post("/api/v1/tier-runs").then().statusCode(409)
                    .contentType("application/problem+json").body("runningRunId", equalTo(runId));
            lockHolder.rollback();
            assertThat(awaitRun(runId).getString("status")).isEqualTo("SUCCEEDED");
        }
        assertThat(customerJson(blocked).getString("tier")).isEqualTo("C");
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentTriggersStartARun() throws Exception {
        awaitIdle();
        String blocked = customer();
        List<Integer> statuses = new ArrayList<>();
        List<String> started = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection lockHolder = holdRowLock(blocked)) {
            Callable<io.restassured.response.Response> trigger = () -> asAdmin().post("/api/v1/tier-runs");
            List<Future<io.restassured.response.Response>> answers = pool.invokeAll(List.of(trigger, trigger));
            for (Future<io.restassured.response.Response> a : answers) {
                statuses.add(a.get().statusCode());
                if (a.get().statusCode() == 202) {
                    started.add(a.get().path("id"));
                }
            }
            lockHolder.rollback();
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        assertThat(awaitRun(started.get(0)).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void shouldFireTierRunCompletedOnceInsideTheRunsTransaction() throws Exception {
        String id = customer();
        purchase(id, "42.00", Duration.ofDays(2));
        JsonPath run = runToSuccess();
        List<RecordingTierObserver.Seen> seen = observer.of(UUID.fromString(run.getString("id")));
        assertThat(seen).hasSize(1);
        RecordingTierObserver.Seen s = seen.get(0);
        assertThat(s.inTransaction()).isTrue();
        assertThat(s.event().asOf()).isEqualTo(Instant.parse(run.getString("asOf")));
        // The run's history rows were visible to the observer, and the run not yet committed as SUCCEEDED.
        assertThat(s.changeRowsVisible()).isEqualTo(run.getLong("changes")).isPositive();
        assertThat(s.runStatusVisible()).isEqualTo("RUNNING");
        // The scoring sorts every customer: the run's transaction has its own work_mem (clientbook.tiers.work-mem).
        assertThat(s.workMem()).isEqualTo("16MB");
        // …for that transaction only: other connections keep the server's setting.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('work_mem')")) {
            rs.next();
            assertThat(rs.getString(1)).isNotEqualTo("16MB");
        }
    }

    @Test
    void shouldRecordAFailedRunAndKeepThePreviousTiers() throws Exception {
        purchase(customer(), "1000000.00", Duration.ofDays(1));
        String id = customer();
        purchase(id, "3.00", Duration.ofDays(200));
        runToSuccess();
        JsonPath before = customerJson(id);
        purchase(id, "99999999.00", Duration.ofHours(2));

        observer.failNextRun();
        JsonPath failed = awaitRun(startRun());
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("error")).contains(RecordingTierObserver.FAILURE);
        assertThat(failed.getString("finishedAt")).isNotNull();
        assertThat(failed.getString("customersScored")).isNull();

        JsonPath after = customerJson(id);
        assertThat(after.getString("tier")).isEqualTo(before.getString("tier")).isNotEqualTo("A");
        assertThat(after.getMap("rfm")).isEqualTo(before.getMap("rfm"));
        assertThat(countRows("SELECT count(*) FROM tier_change WHERE run_id = '" + failed.getString("id") + "'")).isZero();

        // The next run goes through.
        runToSuccess();
        assertThat(customerJson(id).getString("tier")).isEqualTo("A");
    }

    @Test
    void shouldRecordARunInterruptedByShutdownFailedAndKeepThePreviousTiers() throws Exception {
        purchase(customer(), "1000000.00", Duration.ofDays(1));
        String id = customer();
        purchase(id, "50.00", Duration.ofDays(3));
        runToSuccess();
        JsonPath before = customerJson(id);
        purchase(id, "99999999.00", Duration.ofHours(1));

        String runId;
        try (Connection lockHolder = holdRowLock(id)) {
            runId = startRun();
            awaitBlockedBy(lockHolder);
            // The run is inside its scoring statement, waiting for the row: what shutdown does now.
            service.interruptActiveRun();
            // It returns only once the run is recorded: no polling.
            JsonPath run = asAdmin().get("/api/v1/tier-runs/" + runId).then().statusCode(200).extract().jsonPath();
            assertThat(run.getString("status")).as(run.prettify()).isEqualTo("FAILED");
            assertThat(run.getString("error")).startsWith("interrupted by shutdown").contains("canceling statement");
            assertThat(run.getString("finishedAt")).isNotNull();
            assertThat(run.getString("customersScored")).isNull();
            lockHolder.rollback();
        }
        JsonPath after = customerJson(id);
        assertThat(after.getString("tier")).isEqualTo(before.getString("tier")).isNotEqualTo("A");
        assertThat(after.getMap("rfm")).isEqualTo(before.getMap("rfm"));
        assertThat(countRows("SELECT count(*) FROM tier_change WHERE run_id = '" + runId + "'")).isZero();

        // The lock is free again and the next run goes through.
        runToSuccess();
        assertThat(customerJson(id).getString("tier")).isEqualTo("A");
    }

    @Test
    void shouldSkipTheScheduledRunWhileAnotherProcessHoldsTheLock() throws Exception {
        awaitIdle();
        Instant firing = someFiring();
        long runsBefore = countRows("SELECT count(*) FROM tier_run");
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, TierRunLock.KEY);
                ps.execute();
            }
            assertThat(service.runScheduled(firing)).isEmpty();
            assertThat(countRows("SELECT count(*) FROM tier_run")).isEqualTo(runsBefore);
            asAdmin().post("/api/v1/tier-runs").then().statusCode(409);
            try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, TierRunLock.KEY);
                ps.execute();
            }
        }
        // Skipped while locked, the firing was not claimed: it runs once the lock is free.
        TierRun run = service.runScheduled(firing).orElseThrow();
        JsonPath latest = asAdmin().queryParam("limit", 1).get("/api/v1/tier-runs").then().statusCode(200)
                .extract().jsonPath();
        assertThat(latest.getString("items[0].id")).isEqualTo(run.id.toString());
        assertThat(latest.getString("items[0].trigger")).isEqualTo("SCHEDULE");
        assertThat(latest.getString("items[0].status")).isEqualTo("SUCCEEDED");
        assertThat(latest.getString("items[0].triggeredBy")).isEqualTo("schedule");
    }

    @Test
    void shouldRunAScheduledFiringOnceWhenAnotherReplicaFiresItAfterTheRunEnded() throws Exception {
        awaitIdle();
        Instant firing = someFiring();
        long runsBefore = countRows("SELECT count(*) FROM tier_run");
        assertThat(service.runScheduled(firing))
                .hasValueSatisfying(run -> assertThat(run.status).isEqualTo(RunStatus.SUCCEEDED));
        // Another replica's scheduler fires the same cron instant a moment later: the lock is free, the firing taken.
        assertThat(service.runScheduled(firing)).isEmpty();
        assertThat(countRows("SELECT count(*) FROM tier_run")).isEqualTo(runsBefore + 1);
        assertThat(countRows("SELECT count(*) FROM scheduled_firing WHERE job = 'tier-run' AND scheduled_at = '"
                + firing + "' AND instance = '" + ScheduledFirings.INSTANCE + "'")).isEqualTo(1);
        // The next firing is a new one.
        assertThat(service.runScheduled(firing.plusSeconds(86400))).isPresent();
    }

    @Test
    void shouldMarkARunLeftRunningByADeadProcessAsAbandoned() throws Exception {
        awaitIdle();
        UUID stale = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tier_run (id, status, run_trigger, as_of, started_at, policy_version, window_days, cut_a, cut_b)
                VALUES (?, 'RUNNING', 'SCHEDULE', now() - interval '1 hour', now() - interval '1 hour', 0, 365, 0.8, 0.95)""")) {
            ps.setObject(1, stale);
            ps.executeUpdate();
        }
        String fresh = startRun();
        asAdmin().get("/api/v1/tier-runs/" + stale).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("error", org.hamcrest.Matchers.startsWith("abandoned"));
        assertThat(awaitRun(fresh).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void shouldListRunsNewestFirstWithThePolicyTheyUsed() {
        JsonPath a = runToSuccess();
        JsonPath b = runToSuccess();
        JsonPath page = asAdmin().queryParam("limit", 2).get("/api/v1/tier-runs").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getString("items[0].id")).isEqualTo(b.getString("id"));
        assertThat(page.getString("items[1].id")).isEqualTo(a.getString("id"));
        assertThat(page.getString("nextCursor")).isNotNull();
        assertThat(page.getInt("items[0].policy.windowDays")).isBetween(1, 3650);
        assertThat(page.getMap("items[0].countsBySegment")).containsKeys("CHAMPIONS", "LOST", "PROSPECT");
        as("analyst").get("/api/v1/tier-runs/" + a.getString("id")).then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    /** A transaction on its own connection holding a customer's row lock until rolled back. */
    private Connection holdRowLock(String customerId) throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM customer WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, UUID.fromString(customerId));
            ps.executeQuery().close();
        }
        return c;
    }

    /** A cron instant no other test uses (whole seconds, as cron instants are). */
    private static Instant someFiring() {
        return Instant.parse("2040-01-01T02:00:00Z").plusSeconds(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
    }

    /** Waits until some other session waits for a lock {@code holder} holds. */
    private void awaitBlockedBy(Connection holder) throws Exception {
        int pid;
        try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (countRows("SELECT count(*) FROM pg_stat_activity WHERE " + pid + " = ANY (pg_blocking_pids(pid))") == 0) {
            assertThat(System.nanoTime()).as("nobody waited for the row lock within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long countRows(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
