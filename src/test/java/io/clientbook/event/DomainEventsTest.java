package io.clientbook.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DomainEventsTest extends ApiTest {

    @Inject
    RecordingObserver observer;

    private static UUID newCustomer(String lastName) {
        return UUID.fromString(asAdmin().body(Map.of("lastName", lastName, "region", "North"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> purchase(UUID customer, String externalId) {
        return Map.of("customerId", customer.toString(), "externalId", externalId, "occurredAt", "2026-11-01T10:00:00Z",
                "amount", 25.5, "currency", "EUR", "product", "Tea");
    }

    @Test
    void shouldAnnounceCreationAndOnlyRealChanges() {
        UUID id = newCustomer("Events");
        String etag = asAdmin().get("/api/v1/customers/" + id).header("ETag");
        asAdmin().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("region", "South", "buyingStage", "INTERESTED"))
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        // The same values again change nothing, so nothing is announced.
        asAdmin().contentType("application/merge-patch+json").body(Map.of("region", "South"))
                .patch("/api/v1/customers/" + id).then().statusCode(200);

        List<DomainEvent> events = observer.of(id);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(CustomerCreated.class);
        CustomerUpdated updated = (CustomerUpdated) events.get(1);
        assertThat(updated.changedFields()).containsExactly("region", "buyingStage");
        assertThat(updated.before().region()).isEqualTo("North");
        assertThat(updated.after().region()).isEqualTo("South");
    }

    @Test
    void shouldAnnounceTheNewPurchasesOfARequestOnceButNotResends() {
        UUID first = newCustomer("Buyer");
        UUID second = newCustomer("Buyer");
        String a = unique("ev-a");
        String b = unique("ev-b");
        String c = unique("ev-c");
        Map<String, Object> batch = Map.of("purchases",
                List.of(purchase(first, a), purchase(second, b), purchase(first, c)));
        asAdmin().body(batch).post("/api/v1/purchases/batch").then().statusCode(200);
        asAdmin().body(batch).post("/api/v1/purchases/batch").then().statusCode(200);

        List<PurchasesRecorded> recorded = observer.purchasesWith(a);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).purchases()).extracting(p -> p.externalId).containsExactly(a, b, c);
        assertThat(recorded.get(0).purchases()).extracting(p -> p.customerId).containsExactly(first, second, first);
        assertThat(observer.of(first)).hasSize(1).first().isInstanceOf(CustomerCreated.class);
    }

    @Test
    void shouldAnnounceComplaintOpenedAndResolved() {
        UUID id = newCustomer("Complainer");
        String complaint = asAdmin().body(Map.of("customerId", id.toString(), "subject", "Late", "severity", "HIGH"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/complaints/" + complaint).then().statusCode(200);
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("status", "RESOLVED", "resolution", "Sent again")).patch("/api/v1/complaints/" + complaint)
                .then().statusCode(200);

        // The complaint's follow-up tasks are announced too (TaskCreated); this test is about the complaint's own events.
        List<DomainEvent> events = observer.of(id).stream().filter(e -> !(e instanceof TaskCreated)).toList();
        assertThat(events).hasSize(4);
        assertThat(observer.of(id)).filteredOn(e -> e instanceof TaskCreated).hasSize(2);
        assertThat(events.get(1)).isInstanceOf(ComplaintOpened.class);
        assertThat(((ComplaintUpdated) events.get(2)).resolved()).isFalse();
        ComplaintUpdated resolved = (ComplaintUpdated) events.get(3);
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.changedFields()).containsExactly("status", "resolution");
    }

    @Test
    void shouldRollTheChangeBackWhenAnObserverFails() {
        String ref = unique("ev-fail");
        asAdmin().body(Map.of("lastName", RecordingObserver.FAIL_LAST_NAME, "externalRef", ref))
                .post("/api/v1/customers").then().statusCode(500);
        asAdmin().get("/api/v1/customers/by-external-ref/" + ref).then().statusCode(404);
    }
}
