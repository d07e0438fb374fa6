package io.clientbook.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** Editing a customer's file must never write its purchase statistics back to older values. */
@QuarkusTest
class CustomerEditKeepsStatsTest extends ApiTest {

    @Test
    void shouldKeepStatsWhenTheFileIsPatchedAfterAPurchase() {
        String id = PurchaseFixtures.customer();
        PurchaseFixtures.post("integration", PurchaseFixtures.purchase(id, "40.00")).then().statusCode(201);
        as("agent").contentType("application/merge-patch+json").body("{\"city\": \"Leeds\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        assertThat(PurchaseFixtures.stats(id).getInt("purchaseCount")).isEqualTo(1);
        assertThat(PurchaseFixtures.stats(id).<java.math.BigDecimal>get("totalSpent")).isEqualByComparingTo("40.00");
    }

    @Test
    void shouldKeepStatsExactWhileEditsAndPurchasesInterleave() throws Exception {
        String id = PurchaseFixtures.customer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                results.add(pool.submit(() -> PurchaseFixtures.post("integration", PurchaseFixtures.purchase(id, "5.00"))
                        .statusCode()));
                results.add(pool.submit(() -> as("agent").contentType("application/merge-patch+json")
                        .body("{\"notes\": \"edit " + n + "\"}").patch("/api/v1/customers/" + id).statusCode()));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isIn(200, 201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(PurchaseFixtures.stats(id).getInt("purchaseCount")).isEqualTo(20);
        assertThat(PurchaseFixtures.stats(id).<java.math.BigDecimal>get("totalSpent")).isEqualByComparingTo("100.00");
    }
}
