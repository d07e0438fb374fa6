package io.clientbook.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.customer.ContactChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The contact log as other capabilities write to it: through the service, inside their own transaction. */
@QuarkusTest
class InteractionServiceTest extends ApiTest {

    @Inject
    InteractionService service;
    @Inject
    InteractionRepository interactions;

    private static UUID createCustomer() {
        return UUID.fromString(as("agent").body(Map.of("lastName", unique("Logged"))).post("/api/v1/customers").then()
                .statusCode(201).extract().path("id"));
    }

    @Test
    void shouldAppendInTheCallersTransaction() {
        UUID customerId = createCustomer();
        Instant at = Instant.parse("2026-11-02T10:00:00Z");

        UUID id = QuarkusTransaction.requiringNew().call(() -> service.record(customerId, ContactChannel.PHONE,
                Direction.OUTBOUND, at, "Thank-you call", "Customer pleased", "task-runner").id);

        as("analyst").get("/api/v1/customers/" + customerId + "/interactions/" + id).then().statusCode(200)
                .body("summary", equalTo("Thank-you call")).body("recordedBy", equalTo("task-runner"))
                .body("occurredAt", equalTo("2026-11-02T10:00:00Z"));
    }

    @Test
    void shouldRollBackWithTheCallersTransaction() {
        UUID customerId = createCustomer();
        AtomicReference<UUID> written = new AtomicReference<>();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            written.set(service.record(customerId, ContactChannel.EMAIL, Direction.OUTBOUND, null, "Survey sent", null,
                    "task-runner").id);
            assertThat(interactions.findById(written.get())).isNotNull();
            throw new IllegalStateException("the caller's own change failed");
        })).hasMessageContaining("the caller's own change failed");

        assertThat(written.get()).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> interactions.findById(written.get()))).isNull();
        as("agent").get("/api/v1/customers/" + customerId + "/interactions").then().body("items", equalTo(List.of()));
    }

    @Test
    void shouldCheckItsArgumentsLikeAPostedBody() {
        UUID customerId = createCustomer();
        ApiProblem invalid = catchThrowableOfType(ApiProblem.class, () -> service.record(customerId, null, Direction.INBOUND,
                null, " ", "o".repeat(1001), "task-runner"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("channel", "outcome", "summary");

        ApiProblem unknown = catchThrowableOfType(ApiProblem.class, () -> service.record(UUID.randomUUID(),
                ContactChannel.PHONE, Direction.INBOUND, null, "Hello", null, "task-runner"));
        assertThat(unknown.status()).isEqualTo(404);
    }
}
