package io.clientbook.common.db;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link PostgresText} gives the driver's answers for what PostgreSQL really sends: random values over the
 * whole range the fast path takes, with every length of fraction, in session time zones whose offsets have
 * hours, minutes and (before standard time) seconds. What it does not read itself must go to the driver.
 */
@QuarkusTest
class PostgresTextTest {

    /** UTC, whole hours both ways, half and three-quarter hours, and zones with local mean time (seconds) before 1900. */
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata",
            "America/St_Johns", "Asia/Kathmandu", "Europe/Amsterdam", "Africa/Monrovia", "Pacific/Kiritimati");

    @Inject
    DataSource dataSource;

    @Test
    void shouldReadTimestampsAsTheDriverDoesInEveryTimeZone() throws SQLException {
        byte[] iso = new byte[32];
        for (String zone : ZONES) {
            int fast = 0;
            int rewritten = 0;
            int inUtc = 0;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET TimeZone = '" + zone + "'");
                s.execute("SELECT setseed(0.42)");
                // Microseconds over years 1-9999, then the same cut to whole seconds and to 1-5 fraction digits.
                try (ResultSet rs = s.executeQuery("""
                        SELECT t, t FROM (
                            SELECT CASE g % 7 WHEN 0 THEN date_trunc('second', r)
                                              WHEN 1 THEN date_trunc('second', r) + (g % 10) * interval '100 ms'
                                              WHEN 2 THEN date_trunc('milliseconds', r)
                                              WHEN 3 THEN date_trunc('second', r) + (g % 100) * interval '10 microseconds'
                                              ELSE r END AS t
                            FROM (SELECT g, timestamptz '0001-01-01 00:00:00+00'
                                      + random() * (timestamptz '9999-12-30 00:00:00+00' - timestamptz '0001-01-01 00:00:00+00') AS r
                                  FROM generate_series(1, 3000) g) random_instants
                            UNION ALL SELECT timestamptz '1970-01-01 00:00:00+00'
                            UNION ALL SELECT timestamptz '2024-02-29 23:59:59.999999+00'
                            UNION ALL SELECT timestamptz '1900-01-01 00:00:00+00'
                            UNION ALL SELECT timestamptz '1850-06-30 12:00:00.5+00') t""")) {
                    while (rs.next()) {
                        String text = rs.getString(1);
                        OffsetDateTime driver = rs.getObject(2, OffsetDateTime.class);
                        assertEquals(driver.toInstant(), PostgresText.instant(rs, 1), zone + ": " + text);
                        if (PostgresText.timestamptz(text.getBytes(US_ASCII)) != null) {
                            fast++;
                        }
                        int length = PostgresText.isoInstant(text.getBytes(US_ASCII), iso);
                        if (length >= 0) {
                            assertEquals(DateTimeFormatter.ISO_INSTANT.format(driver.toInstant()), new String(iso, 0, length, US_ASCII), zone + ": " + text);
                            rewritten++;
                        }
                        if (text.endsWith("+00")) {
                            inUtc++;
                        }
                    }
                }
                s.execute("RESET TimeZone");
            }
            // Every value of years 0002-9998 in any zone has a four-digit year: none may miss the fast path,
            // and every one whose offset is +00 (all of them in UTC) is rewritten as ISO text.
            assertEquals(3004, fast, zone);
            assertEquals(inUtc, rewritten, zone);
            if (zone.equals("UTC")) {
                assertEquals(3004, rewritten);
            }
        }
    }

    @Test
    void shouldLeaveWhatItDoesNotReadToTheDriver() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT t, t FROM (VALUES (timestamptz 'infinity'), (timestamptz '-infinity'),
                            (timestamptz '0044-03-15 12:00:00+00 BC'), (timestamptz '12000-01-01 00:00:00+00'),
                            (NULL::timestamptz)) v(t)""")) {
            while (rs.next()) {
                String text = rs.getString(1);
                OffsetDateTime driver = rs.getObject(2, OffsetDateTime.class);
                if (text == null) {
                    assertNull(PostgresText.instant(rs, 1));
                    continue;
                }
                assertNull(PostgresText.timestamptz(text.getBytes(US_ASCII)), text);
                assertEquals(driver.toInstant(), PostgresText.instant(rs, 1), text);
            }
        }
    }

    @Test
    void shouldReadDatesAsTheDriverDoes() throws SQLException {
        int fast = 0;
        int iso = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.17)");
            try (ResultSet rs = s.executeQuery("""
                    SELECT d, d FROM (
                        SELECT date '0001-01-01' + (random() * (date '9999-12-31' - date '0001-01-01'))::int AS d
                        FROM generate_series(1, 3000)
                        UNION ALL VALUES (date '2024-02-29'), (date '1970-01-01'), (date '9999-12-31'), (date '0001-01-01'),
                            (date 'infinity'), (date '0044-03-15 BC'), (date '12000-01-01'), (NULL::date)) t""")) {
                while (rs.next()) {
                    String text = rs.getString(1);
                    LocalDate driver = rs.getObject(2, LocalDate.class);
                    assertEquals(driver, PostgresText.localDate(rs, 1), text);
                    if (text != null && PostgresText.date(text.getBytes(US_ASCII)) != null) {
                        fast++;
                    }
                    if (text != null && PostgresText.isIsoDate(text.getBytes(US_ASCII))) {
                        assertEquals(driver.toString(), text);
                        iso++;
                    }
                }
            }
        }
        assertEquals(3004, fast);
        assertEquals(3004, iso, "every date of years 0001-9999 is already in the ISO form");
    }

    @Test
    void shouldReadTextArraysAsTheDriverDoes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.23)");
            // Every character the server quotes or escapes for, and random text of up to 6 elements.
            try (ResultSet rs = s.executeQuery("""
                    SELECT a, a FROM (
                        VALUES (ARRAY[]::text[]), (ARRAY['vip']), (ARRAY['', ' ', 'NULL', 'null', 'Null', NULL, 'x y', 'tab	in',
                            'q"uote', 'back\\slash', '\\', '"', '{b}', 'a,b', ' lead', 'trail ', 'ü', '😀', 'NULLS', 'nul']),
                            (ARRAY[NULL::text]), (ARRAY['a', NULL, 'b'])
                        UNION ALL
                        SELECT ARRAY(SELECT string_agg(chr(CASE WHEN random() < 0.2 THEN (ARRAY[32, 34, 44, 92, 123, 125])[1 + floor(random() * 6)::int]
                                                               ELSE 33 + floor(random() * 300)::int END), '')
                                     FROM generate_series(1, 1 + (g % 9)) k, generate_series(1, 1 + g % 6) e GROUP BY e)
                        FROM generate_series(1, 2000) g) t(a)""")) {
                int rows = 0;
                while (rs.next()) {
                    String[] driver = (String[]) rs.getArray(2).getArray();
                    byte[][] fast = PostgresText.textArray(rs.getBytes(1));
                    assertNotNull(fast, rs.getString(1));
                    String[] read = new String[fast.length];
                    for (int i = 0; i < fast.length; i++) {
                        read[i] = fast[i] == null ? null : new String(fast[i], StandardCharsets.UTF_8);
                    }
                    assertArrayEquals(driver, read, rs.getString(1));
                    rows++;
                }
                assertEquals(2005, rows);
            }
        }
        for (String text : List.of("", "{", "[1:2]={a,b}", "{{a,b},{c,d}}", "{\"open}", "{a\"b}", "{a}b}", "{a;b}x")) {
            assertNull(PostgresText.textArray(text.getBytes(StandardCharsets.UTF_8)), text);
        }
    }

    @Test
    void shouldRewriteOnlyUtcTextAsIsoText() {
        byte[] iso = new byte[32];
        for (String text : List.of("2026-11-23 10:15:30+01", "2026-11-23 10:15:30-00:30", "2026-11-23 10:15:30+00:00:01",
                "2026-11-23 10:15:30+00 BC", "2026-11-23 10:15:30.1234567+00", "2026-11-23 10:15:30.+00", "2026-11-23 10:15:30,5+00",
                "20261-11-23 10:15:30+00", "0000-01-01 00:00:00+00", "2026-11-23T10:15:30+00", "2026-11-23 10:15:30Z",
                "2026-11-2x 10:15:30+00", "2026-11-23 1a:15:30+00", "infinity", "-infinity", "2026-11-23")) {
            assertEquals(-1, PostgresText.isoInstant(text.getBytes(US_ASCII), iso), text);
        }
        assertEquals(-1, PostgresText.isoInstant(new byte[8], iso), "a binary value");
        assertFalse(PostgresText.isIsoDate(new byte[4]), "a binary value");
        int length = PostgresText.isoInstant("2026-11-23 10:15:30.1234+00".getBytes(US_ASCII), iso);
        assertEquals("2026-11-23T10:15:30.123400Z", new String(iso, 0, length, US_ASCII));
    }

    @Test
    void shouldRefuseWhatIsNotTheServersForm() {
        for (String text : List.of("", "2026-11-23", "2026-11-23 10:15:30", "2026-11-23T10:15:30+00",
                "2026-11-23 10:15:30Z", "2026-11-23 10:15:30 +00", "2026-11-23 10:15:30+0", "2026-11-23 10:15:30+000",
                "2026-11-23 10:15:30+00:", "2026-11-23 10:15:30+00:3", "2026-11-23 10:15:30+00:30:", "2026-11-23 10:15:30+00:60",
                "2026-11-23 10:15:30+00:30:60", "2026-11-23 10:15:30.+00", "2026-11-23 10:15:30.1234567+00",
                "2026-11-23 10:15:30,5+00", "2026-11-23 24:00:00+00", "2026-11-23 10:60:00+00", "2026-11-23 10:15:60+00",
                "2026-02-29 10:15:30+00", "2026-13-01 10:15:30+00", "2026-00-10 10:15:30+00", "0000-01-01 00:00:00+00",
                "2026-11-23 10:15:30+00 BC", "20261-11-23 10:15:30+00", "2026/11/23 10:15:30+00", "2026-11-2x 10:15:30+00",
                "2026-11-23 1a:15:30+00", "-infinity", "infinity\0\0\0\0\0\0\0\0\0\0\0\0\0\0")) {
            assertNull(PostgresText.timestamptz(text.getBytes(US_ASCII)), text);
        }
        for (String text : List.of("", "2026-11-2", "2026-11-233", "2026-02-29", "2026-13-01", "0000-01-01", "2026/11/23",
                "infinity", "0044-03-15 BC", "12000-01-01")) {
            assertNull(PostgresText.date(text.getBytes(US_ASCII)), text);
        }
        // Binary values (8 and 4 bytes) are never taken for text.
        assertNull(PostgresText.timestamptz(new byte[8]));
        assertNull(PostgresText.date(new byte[4]));
        assertNotNull(PostgresText.timestamptz("2026-11-23 10:15:30.5-03:30".getBytes(US_ASCII)));
        assertEquals(OffsetDateTime.parse("2026-11-23T10:15:30.5-03:30").toInstant(),
                PostgresText.timestamptz("2026-11-23 10:15:30.5-03:30".getBytes(US_ASCII)));
        assertEquals(OffsetDateTime.parse("1850-06-30T12:19:32+00:19:32").toInstant(),
                PostgresText.timestamptz("1850-06-30 12:19:32+00:19:32".getBytes(US_ASCII)));
    }
}
