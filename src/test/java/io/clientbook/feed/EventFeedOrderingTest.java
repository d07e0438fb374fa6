package io.clientbook.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The feed's guarantee under concurrency: many HTTP writers at once, plus transactions that take
 * their transaction id early and commit (or roll back) late, while a reader follows cursors.
 */
@QuarkusTest
class EventFeedOrderingTest extends ApiTest {

    private static final int WRITERS = 6;
    private static final int ROUNDS = 5;

    @Inject
    EventOutbox outbox;

    @Test
    void shouldShowEveryCommittedEventExactlyOnceAndInOneOrderWhileTransactionsCommitOutOfOrder() throws Exception {
        String start = FeedReader.end();
        UUID late = UUID.fromString(asAdmin().body(Map.of("lastName", "Late")).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id"));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 3);
        CountDownLatch opened = new CountDownLatch(2);
        CountDownLatch writersDone = new CountDownLatch(1);
        try {
            // Two long transactions: they append first (taking low transaction ids), then wait for the writers.
            Future<UUID> committedLate = pool.submit(() -> QuarkusTransaction.requiringNew().timeout(300).call(() -> {
                UUID id = outbox.append(FeedEventTypes.CUSTOMER_UPDATED, late, Map.of("changedFields", List.of("committedLate")));
                opened.countDown();
                writersDone.await(240, TimeUnit.SECONDS);
                return id;
            }));
            Future<?> rolledBack = pool.submit(() -> QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                outbox.append(FeedEventTypes.CUSTOMER_UPDATED, late, Map.of("changedFields", List.of("rolledBack")));
                opened.countDown();
                await(writersDone);
                throw new IllegalStateException("rolled back on purpose");
            }));
            assertThat(opened.await(60, TimeUnit.SECONDS)).isTrue();

            List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Future<?> reader = pool.submit(() -> {
                String cursor = start;
                while (!stop.get()) {
                    // Small pages, so the reader crosses many page boundaries while writers commit.
                    FeedReader.Page page = FeedReader.page(cursor, null, 7);
                    seen.addAll(page.items());
                    cursor = page.nextCursor();
                    if (page.items().isEmpty()) {
                        Thread.sleep(20);
                    }
                }
                return null;
            });

            Set<String> writerCustomers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        String id = asAdmin().body(Map.of("lastName", "Writer")).post("/api/v1/customers")
                                .then().statusCode(201).extract().path("id");
                        writerCustomers.add(id);
                        asAdmin().body(purchase(id)).post("/api/v1/purchases").then().statusCode(201);
                        asAdmin().body(Map.of("purchases", List.of(purchase(id), purchase(id), purchase(id))))
                                .post("/api/v1/purchases/batch").then().statusCode(200);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(240, TimeUnit.SECONDS);
            }
            // Every writer has committed, but the long transactions are still open with older ids:
            // the feed holds back rather than serve anything that an older transaction could still precede.
            Thread.sleep(300);
            assertThat(seen).noneMatch(e -> writerCustomers.contains(e.get("subject")));

            writersDone.countDown();
            UUID lateEvent = committedLate.get(60, TimeUnit.SECONDS);
            assertThat(catchCause(rolledBack)).hasMessageContaining("rolled back on purpose");

            List<Map<String, Object>> truth = FeedReader.drain(start, null).items();
            long deadline = System.currentTimeMillis() + 60_000;
            while (seen.size() < truth.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            stop.set(true);
            reader.get(30, TimeUnit.SECONDS);

            List<Object> seenIds = seen.stream().map(e -> e.get("id")).toList();
            List<Object> truthIds = truth.stream().map(e -> e.get("id")).toList();
            assertThat(new HashSet<>(seenIds)).as("no event twice").hasSize(seenIds.size());
            assertThat(seenIds).as("the live reader saw exactly what a reader after the fact sees, in the same order")
                    .isEqualTo(truthIds);

            List<String> lateChanges = truth.stream().filter(e -> late.toString().equals(e.get("subject")))
                    .filter(e -> e.get("type").equals("customer.updated"))
                    .map(e -> String.valueOf(((Map<?, ?>) e.get("data")).get("changedFields"))).toList();
            assertThat(lateChanges).containsExactly("[committedLate]");
            int lateIndex = truthIds.indexOf(lateEvent.toString());
            assertThat(lateIndex).isNotNegative();
            // Ordered by when the transaction started writing, not when it committed: the same for every reader.
            for (int i = 0; i < truth.size(); i++) {
                if (writerCustomers.contains(truth.get(i).get("subject"))) {
                    assertThat(i).isGreaterThan(lateIndex);
                }
            }
            for (String customer : writerCustomers) {
                assertThat(truth).filteredOn(e -> customer.equals(e.get("subject"))).extracting(e -> e.get("type"))
                        .containsExactly("customer.created", "purchase.recorded", "purchase.recorded", "purchase.recorded",
                                "purchase.recorded");
            }
            assertThat(writerCustomers).hasSize(WRITERS * ROUNDS);
        } finally {
            writersDone.countDown();
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> purchase(String customer) {
        return Map.of("customerId", customer, "externalId", unique("order"), "occurredAt", "2026-11-01T10:00:00Z",
                "amount", 10, "currency", "EUR", "product", "Tea");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(240, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable catchCause(Future<?> future) throws InterruptedException {
        try {
            future.get(60, TimeUnit.SECONDS);
            return new AssertionError("expected the transaction to fail");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        }
    }
}
