package io.clientbook.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The service's notion of "now", and of the times it accepts at all. */
public final class Timestamps {

    /**
     * Dates and times are taken from the year 0001 to 9999, four-digit years as ISO-8601 writes them.
     * Java reads years up to ±999,999,999, which PostgreSQL cannot store: without this bound such a
     * value would fail in the database (a 500) instead of being refused as bad input (a 400).
     */
    public static final String YEARS = "years 0001 to 9999";
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Timestamps() {
    }

    /** Now, to the microsecond: PostgreSQL keeps microseconds, so what we answer equals what we read back later. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static boolean isAccepted(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    public static boolean isAccepted(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT);
    }

    public static boolean isAccepted(OffsetDateTime time) {
        return isAccepted(time.toInstant());
    }
}
