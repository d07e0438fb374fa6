package io.clientbook.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * A cheap fingerprint of everything stored: per table of the public schema, its row count and the
 * newest {@code xmin} (the id of the transaction that last inserted or updated a row). Any insert,
 * update or delete changes one of the two.
 *
 * <p>Background work that is not a request's doing is left out: the webhook worker writes
 * {@code webhook_delivery} rows and moves each webhook's feed position (deliveries only ever come
 * from {@code event_outbox} rows, which are fingerprinted, and a webhook's row count still is), the
 * purchase follow-up worker moves its position in {@code outbox_consumer} and lists the transactions it
 * handled ahead of it in {@code outbox_consumer_done} (its tasks are fingerprinted), and
 * the hourly idempotency purge may delete expired {@code idempotency_record} rows (only new or
 * changed ones count there).
 */
final class WriteProbe {

    /** Workers' own bookkeeping, derived from fingerprinted rows: left out whole. */
    private static final Set<String> WORKER_BOOKKEEPING = Set.of("webhook_delivery", "outbox_consumer_done");
    private static final Set<String> WORKER_POSITIONS = Set.of("webhook", "outbox_consumer");
    private static final String PURGED = "idempotency_record";

    private final DataSource db;
    private final Map<String, long[]> before;

    private WriteProbe(DataSource db, Map<String, long[]> before) {
        this.db = db;
        this.before = before;
    }

    /** Waits until nothing has been written for a second (setup's after-commit work settles), then takes the fingerprint. */
    static WriteProbe whenQuiet(DataSource db) throws Exception {
        Map<String, String> previous = describe(fingerprint(db));
        for (int i = 0; i < 30; i++) {
            Thread.sleep(1000);
            Map<String, long[]> now = fingerprint(db);
            if (describe(now).equals(previous)) {
                return new WriteProbe(db, now);
            }
            previous = describe(now);
        }
        throw new AssertionError("the database did not stay still for a second within 30 s: " + previous);
    }

    void assertNothingWritten() throws SQLException {
        Map<String, long[]> after = fingerprint(db);
        List<String> written = new ArrayList<>();
        after.forEach((table, now) -> {
            long[] then = before.get(table);
            if (then == null) {
                written.add(table + " (new table)");
            } else if (table.equals(PURGED) ? now[0] > then[0] || now[1] > then[1] : now[0] != then[0] || now[1] != then[1]) {
                written.add(table + ": rows " + then[0] + " -> " + now[0] + ", newest xmin " + then[1] + " -> " + now[1]);
            }
        });
        assertThat(written).as("tables written while only bad input was sent").isEmpty();
    }

    private static Map<String, long[]> fingerprint(DataSource db) throws SQLException {
        Map<String, long[]> fingerprint = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (WORKER_BOOKKEEPING.contains(table)) {
                    continue;
                }
                String newest = WORKER_POSITIONS.contains(table) ? "0" : "coalesce(max(xmin::text::bigint), 0)";
                try (ResultSet rs = st.executeQuery("SELECT count(*), " + newest + " FROM \"" + table + "\"")) {
                    rs.next();
                    fingerprint.put(table, new long[] { rs.getLong(1), rs.getLong(2) });
                }
            }
        }
        return fingerprint;
    }

    private static Map<String, String> describe(Map<String, long[]> fingerprint) {
        Map<String, String> text = new TreeMap<>();
        fingerprint.forEach((table, v) -> text.put(table, v[0] + "/" + v[1]));
        return text;
    }
}
