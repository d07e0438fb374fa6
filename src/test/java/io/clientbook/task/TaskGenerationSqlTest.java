package io.clientbook.task;

import static io.clientbook.task.TaskFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Tier;
import io.clientbook.event.CustomerErased;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The set-based path on its own, as campaigns and the tier rules will use it: one statement over many
 * customers, honouring exactly-once, consent and the frequency cap; and erasure.
 */
@QuarkusTest
class TaskGenerationSqlTest extends ApiTest {

    @Inject
    TaskGenerator generator;
    @Inject
    EntityManager em;
    @Inject
    jakarta.enterprise.event.Event<CustomerErased> erasures;

    private static TaskGenerationSql.Spec campaign() {
        return new TaskGenerationSql.Spec("CAMPAIGN", TaskType.PROMOTION_INVITE, Priority.NORMAL, "Spring preview",
                List.of(ContactChannel.EMAIL, ContactChannel.SMS), EnumSet.allOf(Tier.class), true, null, 7, "test");
    }

    private static TaskGenerationSql.Candidates members(List<String> ids, String key, Instant due) {
        return new TaskGenerationSql.Candidates("""
                SELECT c.id AS customer_id, CAST(:c_key AS text) AS trigger_key, CAST(:c_due AS timestamptz) AS due_at,
                       CAST(NULL AS text) AS channel, CAST(NULL AS text) AS title
                FROM customer c WHERE c.id = ANY (CAST(:c_ids AS uuid[]))""",
                Map.of("c_key", key, "c_due", due, "c_ids", ids.stream().map(UUID::fromString).toArray(UUID[]::new)));
    }

    @Test
    void shouldCreateForManyCustomersInOneStatementOnceHonouringConsentAndTheCap() {
        List<String> consenting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            consenting.add(customer("EMAIL", "EMAIL"));
        }
        String sms = customer("PHONE", "PHONE", "SMS");
        String none = customer("EMAIL");
        String busy = customer("EMAIL", "EMAIL");
        FollowUpEventRulesTest.manualTask(busy, "CUSTOM", Instant.now().plus(Duration.ofDays(4)));
        List<String> all = new ArrayList<>(consenting);
        all.addAll(List.of(sms, none, busy));
        String key = "campaign:" + UUID.randomUUID();
        Instant due = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MICROS);

        TaskGenerationSql.Result result = QuarkusTransaction.requiringNew()
                .call(() -> generator.generate(campaign(), members(all, key, due), Instant.now(), TaskGenerator.Announce.BATCH));
        assertThat(result.created()).isEqualTo(13);
        assertThat(result.skipped(SkipReason.NO_CONSENT)).isEqualTo(1);
        assertThat(result.skipped(SkipReason.FREQUENCY_CAP)).isEqualTo(1);
        assertThat(TaskFixtures.tasksOfType(sms, "PROMOTION_INVITE").get(0).get("channel")).isEqualTo("SMS");

        TaskGenerationSql.Result again = QuarkusTransaction.requiringNew()
                .call(() -> generator.generate(campaign(), members(all, key, due), Instant.now(), TaskGenerator.Announce.BATCH));
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEmpty();
        assertThat(TaskFixtures.tasksOfType(consenting.get(0), "PROMOTION_INVITE")).hasSize(1);
    }

    @Test
    void shouldKeepOnlyTheEarliestOfACustomersCandidatesWithinTheCapInOneStatement() {
        String customer = customer("EMAIL", "EMAIL");
        Instant now = Instant.now();
        TaskGenerationSql.Candidates three = TaskGenerationSql.Candidates.of(List.of(
                new TaskGenerationSql.Candidate(UUID.fromString(customer), "k:2", now.plus(Duration.ofDays(4)), null, null),
                new TaskGenerationSql.Candidate(UUID.fromString(customer), "k:1", now.plus(Duration.ofDays(1)), null, null),
                new TaskGenerationSql.Candidate(UUID.fromString(customer), "k:3", now.plus(Duration.ofDays(20)), null, "Later")));
        TaskGenerationSql.Result result = QuarkusTransaction.requiringNew()
                .call(() -> generator.generate(campaign(), three, now, TaskGenerator.Announce.EACH));
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.skipped(SkipReason.FREQUENCY_CAP)).isEqualTo(1);
        assertThat(TaskFixtures.tasks(customer).<String>getList("items.triggerKey")).containsExactly("k:1", "k:3");
        assertThat(TaskFixtures.tasks(customer).<String>getList("items.title")).containsExactly("Spring preview", "Later");
    }

    @Test
    void shouldCancelTheOpenTasksOfAnErasedCustomerAndGiveItNoMore() {
        String customer = customer("EMAIL", "EMAIL");
        String open = FollowUpEventRulesTest.manualTask(customer, "CUSTOM", Instant.now().plus(Duration.ofDays(2)));
        String done = FollowUpEventRulesTest.manualTask(customer, "CUSTOM", Instant.now().plus(Duration.ofDays(30)));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("status", "DONE", "outcome", "Met"))
                .patch("/api/v1/tasks/" + done).then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> {
            Instant at = Instant.now();
            em.createNativeQuery("UPDATE customer SET erased_at = ?1 WHERE id = ?2").setParameter(1, at)
                    .setParameter(2, UUID.fromString(customer)).executeUpdate();
            erasures.fire(new CustomerErased(UUID.fromString(customer), at));
        });

        assertThat((String) asAdmin().get("/api/v1/tasks/" + open).then().extract().path("status")).isEqualTo("CANCELLED");
        assertThat((String) asAdmin().get("/api/v1/tasks/" + done).then().extract().path("status")).isEqualTo("DONE");
        TaskGenerationSql.Result result = QuarkusTransaction.requiringNew().call(() -> generator.generate(campaign(),
                members(List.of(customer), "campaign:after-erasure", Instant.now().plus(Duration.ofDays(40))), Instant.now(),
                TaskGenerator.Announce.BATCH));
        assertThat(result.created()).isZero();
        assertThat(result.skipped()).isEmpty();
    }
}
