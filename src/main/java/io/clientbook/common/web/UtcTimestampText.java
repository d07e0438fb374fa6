package io.clientbook.common.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as the service writes them, {@code 2026-11-23T10:15:30.123456Z}, read and written without
 * {@link DateTimeFormatter}. A page of 50 customers reads and writes some 400 of them (the stored consent,
 * then the response), and the general formatter's field resolution was a sixth of the page's time in the
 * service. Only this one form is handled here; anything else (an offset, a lowercase {@code t}) is left to
 * the formatter, which also words the errors. {@code UtcTimestampTextTest} holds both to the same answers.
 */
public final class UtcTimestampText {

    private static final int SECONDS_PER_DAY = 86_400;

    private UtcTimestampText() {
    }

    /**
     * {@code text} as an instant when it is exactly {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (1 to 9 digits
     * of fraction) and a real date and time; otherwise null, and the caller parses it the general way.
     */
    public static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (text.charAt(19) != '.' || fraction < 1 || (nanos = digits(text, 20, n - 1)) < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second, nanos);
    }

    /**
     * {@code text} as an instant: the UTC form read here, any other ISO-8601 timestamp with an offset by
     * the formatter ({@link DateTimeParseException} when it is none).
     */
    public static Instant parseIso(String text) {
        Instant utc = parse(text);
        return utc != null ? utc : OffsetDateTime.parse(text).toInstant();
    }

    /**
     * Writes {@code instant} as {@link DateTimeFormatter#ISO_INSTANT} does (the fraction in 0, 3, 6 or 9
     * digits, as many as it needs) into {@code out}, which must hold 30 characters; returns the length, or
     * -1 for a year outside 0000-9999, which the caller writes the general way (the service takes years
     * 0001 to 9999, so it reads none).
     */
    public static int format(Instant instant, char[] out) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        int at = 19;
        int nanos = instant.getNano();
        if (nanos != 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, at, nanos / 1_000_000, 3);
                at += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, at, nanos / 1_000, 6);
                at += 6;
            } else {
                put(out, at, nanos, 9);
                at += 9;
            }
        }
        out[at++] = 'Z';
        return at;
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not a digit 0-9. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
