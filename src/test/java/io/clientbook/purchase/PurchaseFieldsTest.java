package io.clientbook.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.clientbook.common.error.FieldError;

class PurchaseFieldsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID CUSTOMER = UUID.randomUUID();

    private static PurchaseFields fields(UUID customerId, String ref, String occurredAt, String amount) {
        return new PurchaseFields(customerId, ref, " order-1 ", occurredAt == null ? null : OffsetDateTime.parse(occurredAt),
                amount == null ? null : new BigDecimal(amount), "EUR", "  ", " ONLINE ");
    }

    @Test
    void shouldTrimTextAndDropInsignificantZerosAndSubMicroseconds() {
        PurchaseFields f = fields(CUSTOMER, null, "2026-06-01T12:00:00.123456789+02:00", "12.500").normalized();
        assertThat(f.externalId()).isEqualTo("order-1");
        assertThat(f.product()).isNull();
        assertThat(f.channel()).isEqualTo("ONLINE");
        assertThat(f.amount()).isEqualTo(new BigDecimal("12.5"));
        assertThat(f.occurredAt().getNano()).isEqualTo(123_456_000);
        assertThat(fields(CUSTOMER, null, null, "1E+2").normalized().amount()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void shouldGiveComparableContentWithScale2AndTheInstant() {
        PurchaseContent c = fields(CUSTOMER, null, "2026-06-01T14:00:00+02:00", "7").normalized().content(CUSTOMER);
        assertThat(c.amount().toPlainString()).isEqualTo("7.00");
        assertThat(c.occurredAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
    }

    @Test
    void shouldRequireExactlyOneWayToNameTheCustomer() {
        assertThat(fields(null, null, null, "1").crossFieldErrors(NOW)).extracting(FieldError::field).containsExactly("customerId");
        assertThat(fields(CUSTOMER, "ref", null, "1").crossFieldErrors(NOW)).extracting(FieldError::message)
                .containsExactly("give either customerId or customerExternalRef, not both");
        assertThat(fields(null, "ref", null, "1").crossFieldErrors(NOW)).isEmpty();
        assertThat(fields(null, "ref", null, "1").customerField()).isEqualTo("customerExternalRef");
    }

    @Test
    void shouldAllowFiveMinutesOfClockDriftButNoMore() {
        assertThat(fields(CUSTOMER, null, "2026-06-01T12:05:00Z", "1").crossFieldErrors(NOW)).isEmpty();
        assertThat(fields(CUSTOMER, null, "2026-06-01T12:05:01Z", "1").crossFieldErrors(NOW))
                .extracting(FieldError::field).containsExactly("occurredAt");
        assertThat(fields(CUSTOMER, null, "1969-12-31T23:59:59Z", "1").crossFieldErrors(NOW))
                .extracting(FieldError::field).containsExactly("occurredAt");
    }
}
