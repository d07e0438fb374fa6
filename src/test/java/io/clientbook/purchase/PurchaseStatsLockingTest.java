package io.clientbook.purchase;

import static io.clientbook.purchase.PurchaseFixtures.customer;
import static io.clientbook.purchase.PurchaseFixtures.post;
import static io.clientbook.purchase.PurchaseFixtures.purchase;
import static io.clientbook.purchase.PurchaseFixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The interleaving random load rarely hits, forced: a void that recomputes the stats while an ingest
 * for the same customer has written them but not committed. Under READ COMMITTED a recompute that
 * only waited on the row (instead of locking it first) would use a snapshot without the new
 * purchase and lose it.
 */
@QuarkusTest
class PurchaseStatsLockingTest extends ApiTest {

    @Inject
    PurchaseService service;
    @Inject
    EntityManager em;

    @Test
    void shouldCountAPurchaseCommittedWhileAVoidWaitedForTheCustomer() throws Exception {
        String customerId = customer();
        String voidedId = post("integration", purchase(customerId, "10.00", "2026-01-01T10:00:00Z")).then()
                .statusCode(201).extract().path("id");

        CountDownLatch ingested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            service.record(new PurchaseFields(UUID.fromString(customerId), null, unique("order"),
                    OffsetDateTime.parse("2026-02-01T10:00:00Z"), new BigDecimal("5.00"), "EUR", null, null));
            ingested.countDown();
            await(release);
        }));
        assertThat(ingested.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> voiding = CompletableFuture.runAsync(
                () -> service.voidPurchase(UUID.fromString(voidedId), null, null));
        waitUntilABackendWaitsForALock();
        release.countDown();
        ingest.get(30, TimeUnit.SECONDS);
        voiding.get(30, TimeUnit.SECONDS);

        JsonPath stats = stats(customerId);
        assertThat(stats.getInt("purchaseCount")).isEqualTo(1);
        assertThat(stats.getString("totalSpent")).isEqualTo("5.00");
        assertThat(stats.getString("firstPurchaseAt")).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(stats.getString("lastPurchaseAt")).isEqualTo("2026-02-01T10:00:00Z");
    }

    private void waitUntilABackendWaitsForALock() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Number waiting = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    .getSingleResult());
            if (waiting.intValue() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the void never waited for the ingest's lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
