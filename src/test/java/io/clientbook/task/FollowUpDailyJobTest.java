package io.clientbook.task;

import static io.clientbook.task.TaskFixtures.customer;
import static io.clientbook.task.TaskFixtures.skips;
import static io.clientbook.task.TaskFixtures.tasksOfType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.customer.ContactChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The date rules, driven by calling the daily job for a chosen day (its schedule is off in tests). */
@QuarkusTest
class FollowUpDailyJobTest extends ApiTest {

    @Inject
    FollowUpDailyJob job;
    @Inject
    CampaignService campaigns;
    @Inject
    EntityManager em;

    private static String customerBorn(String birthDate, String... consented) {
        String id = customer("EMAIL", consented);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("birthDate", birthDate))
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        return id;
    }

    /** Tier and creation time are not writable through the API (a tier run sets the tier). */
    private void makeOld(String customerId, String tier, int daysOld) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE customer SET tier = ?1, created_at = now() - ?2 * interval '1 day' WHERE id = ?3")
                .setParameter(1, tier).setParameter(2, daysOld).setParameter(3, UUID.fromString(customerId)).executeUpdate());
    }

    /**
     * Runs {@code work} on {@code thread} in a new transaction that stays open, counting {@code done} down
     * once the work is done, until {@code release} is counted down.
     */
    private static Future<?> heldOpen(ExecutorService thread, Runnable work, CountDownLatch done, CountDownLatch release) {
        return thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            work.run();
            done.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    @Test
    void shouldGreetALeapDayBirthdayOnFebruary28OfANonLeapYearOnceHoweverOftenTheJobRuns() {
        String leap = customerBorn("1992-02-29", "EMAIL");
        String silent = customerBorn("1992-02-29");
        LocalDate day = LocalDate.of(2031, 2, 21);

        FollowUpDailyJob.Run first = job.runFor(day, Instant.now());
        assertThat(first.ran()).isTrue();
        List<Map<String, Object>> greetings = tasksOfType(leap, "BIRTHDAY_GREETING");
        assertThat(greetings).hasSize(1);
        assertThat(greetings.get(0).get("dueAt")).isEqualTo("2031-02-28T09:00:00Z");
        assertThat(greetings.get(0).get("triggerKey")).isEqualTo("birthday:2031");
        assertThat(tasksOfType(silent, "BIRTHDAY_GREETING")).isEmpty();
        assertThat(skips(silent)).extracting(s -> s.get("reason")).containsExactly("NO_CONSENT");

        FollowUpDailyJob.Run again = job.runFor(day, Instant.now());
        assertThat(again.results().values()).allSatisfy(r -> {
            assertThat(r.created()).isZero();
            assertThat(r.skipped()).isEmpty();
        });
        job.runFor(day.plusDays(1), Instant.now());
        assertThat(tasksOfType(leap, "BIRTHDAY_GREETING")).hasSize(1);
    }

    @Test
    void shouldCreateHolidayGreetingsAheadAndNothingNewOnASecondRunTheSameDay() {
        String customer = customer("EMAIL", "EMAIL");
        LocalDate day = LocalDate.of(2032, 12, 19);

        FollowUpDailyJob.Run first = job.runFor(day, Instant.now());
        assertThat(first.created(FollowUpRuleId.HOLIDAY_GREETING)).isPositive();
        List<Map<String, Object>> greetings = tasksOfType(customer, "HOLIDAY_GREETING");
        assertThat(greetings).hasSize(1);
        assertThat(greetings.get(0).get("title")).isEqualTo("Holiday greeting: Christmas Day");
        assertThat(greetings.get(0).get("dueAt")).isEqualTo("2032-12-25T09:00:00Z");
        assertThat(greetings.get(0).get("priority")).isEqualTo("LOW");

        FollowUpDailyJob.Run second = job.runFor(day, Instant.now());
        assertThat(second.results().values()).allSatisfy(r -> assertThat(r.created()).isZero());
        assertThat(tasksOfType(customer, "HOLIDAY_GREETING")).hasSize(1);
    }

    @Test
    void shouldCheckInWithKeyCustomersAfterThirtyDaysWithoutAnOutboundContact() {
        String quiet = customer("EMAIL", "EMAIL");
        String contacted = customer("EMAIL", "EMAIL");
        String tierB = customer("EMAIL", "EMAIL");
        String tierC = customer("EMAIL", "EMAIL");
        makeOld(quiet, "A", 40);
        makeOld(contacted, "A", 40);
        makeOld(tierB, "B", 40);
        makeOld(tierC, "C", 400);
        asAdmin().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "Called",
                "occurredAt", Instant.now().minus(Duration.ofDays(10)).toString()))
                .post("/api/v1/customers/" + contacted + "/interactions").then().statusCode(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        job.runFor(today, Instant.now());
        List<Map<String, Object>> checkIns = tasksOfType(quiet, "CHECK_IN");
        assertThat(checkIns).hasSize(1);
        assertThat(checkIns.get(0).get("triggerKey")).isEqualTo("check-in:" + today);
        assertThat(tasksOfType(contacted, "CHECK_IN")).isEmpty();
        assertThat(tasksOfType(tierB, "CHECK_IN")).isEmpty();
        assertThat(tasksOfType(tierC, "CHECK_IN")).isEmpty();

        // Tomorrow the first check-in is still open: no second one for another 30 days.
        job.runFor(today.plusDays(1), Instant.now());
        assertThat(tasksOfType(quiet, "CHECK_IN")).hasSize(1);
    }

    @Test
    void shouldDoNothingWhenAnotherInstanceHoldsTheLock() throws Exception {
        String customer = customerBorn("1990-07-14", "EMAIL");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = heldOpen(other, () -> em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                    .setParameter(1, FollowUpDailyJob.LOCK_KEY).getSingleResult(), locked, release);
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            FollowUpDailyJob.Run run = job.runFor(LocalDate.of(2033, 7, 10), Instant.now());
            assertThat(run.ran()).isFalse();
            assertThat(tasksOfType(customer, "BIRTHDAY_GREETING")).isEmpty();
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        assertThat(job.runFor(LocalDate.of(2033, 7, 10), Instant.now()).ran()).isTrue();
        assertThat(tasksOfType(customer, "BIRTHDAY_GREETING")).hasSize(1);
    }

    @Test
    void shouldRunAFiringOnceWhenAnotherReplicaFiresItAfterTheJobEnded() {
        String customer = customerBorn("1985-05-23", "EMAIL");
        // A cron instant on 2035-05-20 no other test uses.
        Instant firing = LocalDate.of(2035, 5, 20).atTime(1, 30).toInstant(ZoneOffset.UTC)
                .plusSeconds(ThreadLocalRandom.current().nextInt(3600));

        FollowUpDailyJob.Run first = job.runFiring(firing, Instant.now());
        assertThat(first.ran()).isTrue();
        assertThat(first.day()).isEqualTo(LocalDate.of(2035, 5, 20));
        assertThat(tasksOfType(customer, "BIRTHDAY_GREETING")).hasSize(1);
        // Another replica fires the same instant after the job's transaction ended: the lock is free, the firing taken.
        assertThat(job.runFiring(firing, Instant.now()).ran()).isFalse();
        // The next firing runs (and the exactly-once keys create nothing new).
        FollowUpDailyJob.Run next = job.runFiring(firing.plusSeconds(86400), Instant.now());
        assertThat(next.ran()).isTrue();
        assertThat(tasksOfType(customer, "BIRTHDAY_GREETING")).hasSize(1);
    }

    @Test
    void shouldWaitForACampaignAtWorkAndSeeItsTaskInTheFrequencyCap() throws Exception {
        String customer = customerBorn("1988-09-14", "EMAIL");
        String tag = unique("capped");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("tags", List.of(tag)))
                .patch("/api/v1/customers/" + customer).then().statusCode(200);
        String segment = asAdmin().body(Map.of("name", unique("cap-segment"),
                "filter", Map.of("field", "tags", "op", "eq", "value", tag)))
                .post("/api/v1/segments").then().statusCode(201).extract().path("id");
        // The greeting would be due 2036-09-14 09:00; the campaign's contact is a day earlier, within the cap.
        NewCampaign invite = new NewCampaign(null, "Autumn preview", Instant.parse("2036-09-13T09:00:00Z"),
                ContactChannel.EMAIL, null, unique("autumn"));
        CountDownLatch launched = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // A campaign whose transaction is still open: its task is not committed yet.
            Future<?> campaign = heldOpen(threads, () -> assertThat(
                    campaigns.launch(UUID.fromString(segment), invite, null, null, "test").result().created()).isEqualTo(1),
                    launched, release);
            assertThat(launched.await(30, TimeUnit.SECONDS)).isTrue();
            Future<FollowUpDailyJob.Run> daily = threads.submit(() -> job.runFor(LocalDate.of(2036, 9, 10), Instant.now()));
            assertThatThrownBy(() -> daily.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            campaign.get(30, TimeUnit.SECONDS);
            assertThat(daily.get(30, TimeUnit.SECONDS).ran()).isTrue();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(tasksOfType(customer, "PROMOTION_INVITE")).hasSize(1);
        assertThat(tasksOfType(customer, "BIRTHDAY_GREETING")).isEmpty();
        assertThat(skips(customer)).extracting(s -> s.get("reason")).containsExactly("FREQUENCY_CAP");
    }
}
