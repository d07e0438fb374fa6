package io.clientbook.purchase;

import static io.clientbook.purchase.PurchaseFixtures.customer;
import static io.clientbook.purchase.PurchaseFixtures.json;
import static io.clientbook.purchase.PurchaseFixtures.purchase;
import static io.clientbook.purchase.PurchaseFixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class PurchaseConcurrencyTest extends ApiTest {

    private static final int THREADS = 8;
    private static final int VOIDERS = 2;
    private static final int VOIDS_EACH = 30;
    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        as("integration");
        as("agent");
        pool = Executors.newFixedThreadPool(THREADS + VOIDERS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * 8 writers × 25 purchases for one customer, singly and in batches, each also re-sending some
     * purchases already sent, while two other threads void some of them: the stats must equal the
     * aggregates of the non-void purchases stored.
     */
    @Test
    void shouldKeepStatsExactUnderConcurrentIngestAndVoidForOneCustomer() throws Exception {
        String customerId = customer();
        ConcurrentLinkedQueue<String> recordedIds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Map<String, Object>> sent = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS + VOIDERS);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(() -> {
                Random random = new Random(thread);
                List<Map<String, Object>> mine = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    String amount = BigDecimal.valueOf(random.nextInt(100_000), 2).toPlainString();
                    String at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(5_000_000)).toString();
                    mine.add(purchase(customerId, amount, at));
                }
                start.await();
                int failures = 0;
                if (thread % 2 == 0) {
                    for (Map<String, Object> body : mine) {
                        Response r = PurchaseFixtures.post("integration", body);
                        failures += r.statusCode() == 201 ? 0 : 1;
                        recordedIds.add(r.path("id"));
                        sent.add(body);
                        Map<String, Object> resend = sent.peek();
                        failures += PurchaseFixtures.post("integration", resend).statusCode() == 200 ? 0 : 1;
                    }
                } else {
                    for (int i = 0; i < mine.size(); i += 5) {
                        List<Object> items = new ArrayList<>(mine.subList(i, i + 5));
                        Map<String, Object> resend = sent.peek();
                        if (resend != null) {
                            items.add(resend);
                        }
                        Response r = as("integration").body(Map.of("purchases", items)).post("/api/v1/purchases/batch");
                        failures += r.statusCode() == 200 && (int) r.path("errors") == 0
                                && (int) r.path("created") == 5 ? 0 : 1;
                        List<String> ids = r.path("results.purchase.id");
                        recordedIds.addAll(ids.subList(0, 5));
                        sent.addAll(mine.subList(i, i + 5));
                    }
                }
                return failures;
            });
        }
        Callable<Integer> voider = () -> {
            start.await();
            int failures = 0;
            for (int voided = 0; voided < VOIDS_EACH;) {
                String id = recordedIds.poll();
                if (id == null) {
                    Thread.sleep(5);
                    continue;
                }
                failures += as("agent").post("/api/v1/purchases/" + id + "/void").statusCode() == 200 ? 0 : 1;
                voided++;
            }
            return failures;
        };
        List<Future<Integer>> results = new ArrayList<>();
        writers.forEach(w -> results.add(pool.submit(w)));
        for (int v = 0; v < VOIDERS; v++) {
            results.add(pool.submit(voider));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get(3, TimeUnit.MINUTES)).as("failed requests").isZero();
        }

        List<BigDecimal> amounts = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as("agent").queryParam("limit", 200).queryParam("includeVoid", "false");
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath page = json(spec.get("/api/v1/customers/" + customerId + "/purchases").then().statusCode(200)
                    .extract().response());
            page.getList("items.amount").forEach(a -> amounts.add(new BigDecimal(a.toString())));
            page.getList("items.occurredAt").forEach(t -> times.add(Instant.parse(t.toString())));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(amounts).hasSize(THREADS * 25 - VOIDERS * VOIDS_EACH);
        JsonPath stats = stats(customerId);
        assertThat(stats.getInt("purchaseCount")).isEqualTo(amounts.size());
        assertThat(new BigDecimal(stats.getString("totalSpent")))
                .isEqualByComparingTo(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(Instant.parse(stats.getString("firstPurchaseAt"))).isEqualTo(Collections.min(times));
        assertThat(Instant.parse(stats.getString("lastPurchaseAt"))).isEqualTo(Collections.max(times));
    }

    @Test
    void shouldStoreExactlyOneRowForConcurrentIdenticalSends() throws Exception {
        String customerId = customer();
        Map<String, Object> body = purchase(customerId, "42.00");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Response>> responses = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            responses.add(pool.submit(() -> {
                start.await();
                return PurchaseFixtures.post("integration", body);
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Future<Response> f : responses) {
            Response r = f.get(1, TimeUnit.MINUTES);
            statuses.add(r.statusCode());
            ids.add(r.path("id"));
        }
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(stats(customerId).getInt("purchaseCount")).isEqualTo(1);
        assertThat(stats(customerId).getString("totalSpent")).isEqualTo("42.00");
    }

    @Test
    void shouldStoreEachPurchaseOnceWhenIdenticalBatchesRace() throws Exception {
        String customerId = customer();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(purchase(customerId, "1.50"));
        }
        // Each thread sends the same purchases in its own order, so inserts meet in every order.
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Response>> responses = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Object> mine = new ArrayList<>(items);
            Collections.shuffle(mine, new Random(t));
            responses.add(pool.submit(() -> {
                start.await();
                return as("integration").body(Map.of("purchases", mine)).post("/api/v1/purchases/batch");
            }));
        }
        int created = 0;
        for (Future<Response> f : responses) {
            Response r = f.get(1, TimeUnit.MINUTES);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat((int) r.path("errors")).isZero();
            created += (int) r.path("created");
        }
        assertThat(created).isEqualTo(20);
        assertThat(stats(customerId).getInt("purchaseCount")).isEqualTo(20);
        assertThat(stats(customerId).getString("totalSpent")).isEqualTo("30.00");
    }

    /**
     * Clients that retry: 1,000 purchases of 10 customers, in batches of 100, every batch sent twice
     * (the second time reshuffled) by 8 clients at once. Exactly 1,000 are stored and every customer's
     * stats are exact.
     */
    @Test
    void shouldStoreExactlyOneThousandWhenOneThousandPurchasesAreSentTwiceInParallel() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            customers.add(customer());
        }
        List<List<Object>> batches = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            List<Object> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                // Amounts 1.01 … 1.10 per customer, so a lost or doubled row shows in the totals.
                batch.add(purchase(customers.get(i % 10), "1.%02d".formatted(i % 10 + 1)));
            }
            batches.add(batch);
        }
        List<Callable<Response>> sends = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (List<Object> batch : batches) {
                List<Object> items = new ArrayList<>(batch);
                Collections.shuffle(items, new Random(round * 31L + sends.size()));
                sends.add(() -> as("integration").body(Map.of("purchases", items)).post("/api/v1/purchases/batch"));
            }
        }
        Collections.shuffle(sends, new Random(7));
        int created = 0;
        int duplicates = 0;
        for (Future<Response> f : pool.invokeAll(sends, 2, TimeUnit.MINUTES)) {
            Response r = f.get();
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            assertThat((int) r.path("errors")).isZero();
            created += (int) r.path("created");
            duplicates += (int) r.path("duplicates");
        }
        assertThat(created).isEqualTo(1000);
        assertThat(duplicates).isEqualTo(1000);
        for (int c = 0; c < 10; c++) {
            JsonPath stats = stats(customers.get(c));
            assertThat(stats.getInt("purchaseCount")).isEqualTo(100);
            assertThat(new BigDecimal(stats.getString("totalSpent"))).isEqualByComparingTo(
                    new BigDecimal("1.%02d".formatted(c + 1)).multiply(BigDecimal.valueOf(100)));
        }
    }
}
