package io.clientbook.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A busy or slow database through HTTP ({@link SlowDatabaseProfile}: 8 connections, 1 s to get one, 1 s per
 * statement): an exhausted pool and a statement past its bound are 503 with {@code Retry-After}, never a
 * hang, and the jobs that are long on purpose get their own, longer bound.
 */
@QuarkusTest
@TestProfile(SlowDatabaseProfile.class)
class SlowDatabaseTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldAnswer503AfterTheAcquisitionTimeoutWhileThePoolIsExhaustedAndServeAgainOnceReleased() throws Exception {
        List<Connection> held = takeWholePool();
        try {
            Response busy = asAdmin().get("/api/v1/customers/" + UUID.randomUUID());
            busy.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", equalTo("urn:clientbook:problem:database-busy"));
            // It waited for the 1 s acquisition timeout, and no longer: never a hang.
            assertThat(busy.getTime()).isBetween(900L, 5000L);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        asAdmin().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
    }

    /**
     * While another session holds a lock on the purchases for 2.5 s (longer than the 1 s statement bound):
     * a search over purchase behaviour is cancelled after its bound and answered 503, reads that need no
     * purchase go on, and the long jobs reading purchases (export, campaign, tier preview, tier run) wait it
     * out under their own bound and succeed.
     */
    @Test
    void shouldCancelASearchPastTheStatementTimeoutWhileLongJobsWaitUnderTheirOwnBound() throws Exception {
        String tag = unique("slow");
        String customer = asAdmin().body(Map.of("lastName", "Slow", "tags", List.of(tag),
                "consent", Map.of("EMAIL", Map.of("granted", true)), "preferredChannel", "EMAIL"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("customerId", customer, "externalId", unique("order"), "occurredAt", Instant.now().minus(1,
                ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), "amount", 20, "currency", "EUR", "product", "Tea",
                "channel", "ONLINE")).post("/api/v1/purchases").then().statusCode(201);
        String filter = "{\"and\": [{\"field\": \"tags\", \"op\": \"eq\", \"value\": \"" + tag + "\"}, "
                + "{\"purchases\": {\"withinDays\": 30, \"channel\": \"ONLINE\"}}]}";   // reads the purchase table
        String segment = asAdmin().body("{\"name\": \"" + unique("slow") + "\", \"filter\": " + filter + "}")
                .post("/api/v1/segments").then().statusCode(201).extract().path("id");
        Map<String, Object> campaign = Map.of("campaign", unique("slow"), "type", "PROMOTION_INVITE", "title", "Slow",
                "dueAt", Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), "channel", "EMAIL");

        Response search;
        Response export;
        Response preview;
        Response launched;
        String run;
        // Threads made here inherit the test's class loader, which REST Assured needs.
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (Connection locker = connectOutsideThePool()) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE purchase IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Response> searching = CompletableFuture.supplyAsync(
                    () -> asAdmin().body("{\"filter\": " + filter + "}").post("/api/v1/customers/search"), clients);
            CompletableFuture<Response> exporting = CompletableFuture.supplyAsync(
                    () -> asAdmin().get("/api/v1/segments/" + segment + "/export"), clients);
            CompletableFuture<Response> previewing = CompletableFuture.supplyAsync(
                    () -> asAdmin().body("{}").post("/api/v1/tier-policy/preview"), clients);
            CompletableFuture<Response> launching = CompletableFuture.supplyAsync(
                    () -> asAdmin().body(campaign).post("/api/v1/segments/" + segment + "/tasks"), clients);
            run = asAdmin().post("/api/v1/tier-runs").then().statusCode(202).extract().path("id");

            // The rest of the service is not stalled: a read that needs no purchase answers.
            asAdmin().get("/api/v1/customers/" + customer).then().statusCode(200);
            search = searching.get();
            Thread.sleep(Math.max(0, 2500 - search.getTime()));
            locker.rollback();
            export = exporting.get();
            preview = previewing.get();
            launched = launching.get();
        } finally {
            clients.shutdownNow();
        }

        search.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                .body("type", equalTo("urn:clientbook:problem:query-timeout"));
        assertThat(search.getTime()).isLessThan(5000L);
        export.then().statusCode(200);
        assertThat(export.asString()).contains(customer);
        preview.then().statusCode(200);
        // Finished, whatever it decided for the member (a task, or a skip for the purchase's follow-up contact).
        launched.then().statusCode(200).body("campaign", equalTo(campaign.get("campaign")));
        for (Response job : List.of(export, preview, launched)) {
            assertThat(job.getTime()).as("waited past the 1 s statement bound").isGreaterThan(1500L);
        }
        String status = awaitRun(run, Duration.ofSeconds(60));
        assertThat(status).isEqualTo("SUCCEEDED");
        // Once the lock is gone the same search answers.
        asAdmin().body("{\"filter\": " + filter + "}").post("/api/v1/customers/search").then().statusCode(200)
                .body("items[0].id", equalTo(customer));
    }

    /** Every connection of the pool, held by the test (the webhook worker may hold one for a moment). */
    private List<Connection> takeWholePool() throws InterruptedException {
        List<Connection> held = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (held.size() < SlowDatabaseProfile.POOL_SIZE) {
            assertThat(System.nanoTime()).as("could not take the whole pool").isLessThan(deadline);
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException e) {
                Thread.sleep(50);
            }
        }
        return held;
    }

    private static String awaitRun(String run, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String status;
        while ("RUNNING".equals(status = asAdmin().get("/api/v1/tier-runs/" + run).then().statusCode(200).extract()
                .path("status")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return status;
    }
}
