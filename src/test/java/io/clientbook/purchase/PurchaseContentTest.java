package io.clientbook.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PurchaseContentTest {

    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final PurchaseContent STORED = new PurchaseContent(CUSTOMER, Instant.parse("2026-03-01T10:00:00Z"),
            new BigDecimal("12.50"), "EUR", "Mug", "ONLINE");

    @Test
    void shouldFindNoDifferenceInEqualContent() {
        PurchaseContent same = new PurchaseContent(CUSTOMER, Instant.parse("2026-03-01T10:00:00Z"), new BigDecimal("12.5"),
                "EUR", "Mug", "ONLINE");
        assertThat(same.differencesFrom(STORED)).isEmpty();
    }

    @Test
    void shouldNameEachDifferingFieldWithTheStoredValue() {
        PurchaseContent other = new PurchaseContent(UUID.randomUUID(), Instant.parse("2026-03-01T10:00:01Z"),
                new BigDecimal("12.51"), "GBP", null, "STORE");
        assertThat(other.differencesFrom(STORED)).containsExactly(
                java.util.Map.entry("customerId", CUSTOMER.toString()),
                java.util.Map.entry("occurredAt", "2026-03-01T10:00:00Z"),
                java.util.Map.entry("amount", "12.50"),
                java.util.Map.entry("currency", "EUR"),
                java.util.Map.entry("product", "Mug"),
                java.util.Map.entry("channel", "ONLINE"));
    }

    @Test
    void shouldReportAStoredAbsenceAsNull() {
        PurchaseContent storedWithoutProduct = new PurchaseContent(CUSTOMER, STORED.occurredAt(), STORED.amount(), "EUR",
                null, "ONLINE");
        assertThat(STORED.differencesFrom(storedWithoutProduct)).containsOnlyKeys("product").containsEntry("product", null);
    }
}
