package io.clientbook.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link UtcTimestampText} answers as {@link DateTimeFormatter} does, or leaves the text to it. */
class UtcTimestampTextTest {

    private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void shouldReadWhatTheFormatterReadsForEveryFractionLength() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(FIRST + (long) (random.nextDouble() * (LAST - FIRST)), random.nextInt(1_000_000_000));
            String seconds = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(instant.getEpochSecond())).replace("Z", "");
            String nanos = String.format("%09d", instant.getNano());
            for (int digits = 0; digits <= 9; digits++) {
                String text = seconds + (digits == 0 ? "" : "." + nanos.substring(0, digits)) + "Z";
                assertThat(UtcTimestampText.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            }
        }
    }

    @Test
    void shouldReadTheEdgesOfTheCalendar() {
        for (String text : new String[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z",
                "2000-02-29T23:59:59.5Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z" }) {
            assertThat(UtcTimestampText.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z",
            "2025-04-31T00:00:00Z", "2025-01-00T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z",
            "2025-01-01T23:59:60Z", "2025-01-01T00:00:00.Z", "2025-01-01T00:00:00.1234567890Z", "2025-01-01T00:00:00,5Z",
            "2025-01-01T00:00:0aZ", "2025-1-01T00:00:00Z", "2025/01/01T00:00:00Z", "2025-01-01 00:00:00Z",
            "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00.5+01:00", "2025-01-01t00:00:00Z", "2025-01-01T00:00:00z",
            "+2025-01-01T00:00:00Z", "-001-01-01T00:00:00Z", "2025-01-01T00:00Z", "2025-01-01T00:00:00", "", "Z",
            "2025-01-01T00:00:00.-5Z", "2025-01-01T00:00:00.+5Z", "٢٠٢٥-01-01T00:00:00Z" })
    void shouldLeaveEverythingElseToTheFormatter(String text) {
        assertThat(UtcTimestampText.parse(text)).isNull();
    }

    @Test
    void shouldWriteWhatTheFormatterWrites() {
        Random random = new Random(11);
        char[] out = new char[30];
        for (int i = 0; i < 50_000; i++) {
            long seconds = FIRST + (long) (random.nextDouble() * (LAST - FIRST));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(new String(out, 0, UtcTimestampText.format(instant, out))).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
        for (Instant edge : new Instant[] { Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("2024-02-29T00:00:00.100Z") }) {
            assertThat(new String(out, 0, UtcTimestampText.format(edge, out))).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(edge));
        }
    }

    @Test
    void shouldLeaveYearsPastFourDigitsToTheFormatter() {
        assertThat(UtcTimestampText.format(Instant.parse("+10000-01-01T00:00:00Z"), new char[30])).isEqualTo(-1);
        assertThat(UtcTimestampText.format(Instant.parse("-0001-12-31T00:00:00Z"), new char[30])).isEqualTo(-1);
    }
}
