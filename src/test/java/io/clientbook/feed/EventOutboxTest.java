package io.clientbook.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventOutboxTest extends ApiTest {

    @Inject
    EventOutbox outbox;

    private static UUID newCustomer(String lastName) {
        return UUID.fromString(asAdmin().body(Map.of("lastName", lastName)).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id"));
    }

    @Test
    void shouldAppendOneEventPerRowOfASelectInItsOrder() {
        UUID b = newCustomer("Set-B");
        UUID a = newCustomer("Set-A");
        String start = FeedReader.end();
        String marker = unique("run");

        // The shape the tier job uses for tier.changed: INSERT … SELECT from its own table.
        int appended = QuarkusTransaction.requiringNew().call(() -> outbox.appendAll(FeedEventTypes.TIER_CHANGED, """
                SELECT id AS subject, jsonb_build_object('runId', CAST(:run AS text), 'to', 'A') AS data
                FROM customer WHERE id IN (:ids) ORDER BY last_name""", Map.of("run", marker, "ids", List.of(a, b))));

        assertThat(appended).isEqualTo(2);
        List<Map<String, Object>> events = FeedReader.drain(start, "tier.changed").items();
        assertThat(events).extracting(e -> e.get("subject")).containsExactly(a.toString(), b.toString());
        assertThat(events).extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("runId")).containsOnly(marker);
        assertThat(events).extracting(e -> e.get("id")).doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseToAppendOutsideATransaction() {
        UUID c = newCustomer("NoTx");
        assertThatThrownBy(() -> outbox.append(FeedEventTypes.CUSTOMER_UPDATED, c, Map.of()))
                .isInstanceOf(TransactionalException.class);
    }
}
