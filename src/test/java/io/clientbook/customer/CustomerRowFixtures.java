package io.clientbook.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Customer rows written straight into the table, in the shapes the API alone would take long to reach:
 * every column set with text that needs escaping in JSON, every nullable column null, half-scored RFM,
 * and stored consent in each form its reading accepts. Each row carries {@code tag}.
 */
final class CustomerRowFixtures {

    private CustomerRowFixtures() {
    }

    /** Four customers, created one day apart in the order returned. */
    static List<UUID> insertEveryKind(DataSource dataSource, String tag) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        ids.add(insert(dataSource, """
                INSERT INTO customer (id, external_ref, first_name, last_name, email, phone, gender, birth_date,
                    country, region, city, occupation, preferred_channel, consent, owner, need_orientation,
                    buying_stage, expected_purchase_date, not_buying_reason, tags, notes, tier, tier_changed_at,
                    rfm_recency, rfm_frequency, rfm_monetary, rfm_segment, purchase_count, total_spent,
                    first_purchase_at, last_purchase_at, version, created_at, updated_at)
                VALUES (?, 'rows-' || ?, 'Zoë 👩‍🚀', 'O''Brien, "Jr." \\ </script>', 'zoe@example.com', '+31 20 555 0100', 'FEMALE',
                    '1984-02-29', 'NL', 'Noord-Holland', 'Amsterdam', E'Pilot\\t\\u0001', 'SMS',
                    '{"SMS": {"at": "2025-01-01T00:00:00Z", "granted": true}, "EMAIL": {"at": "2025-03-04T05:06:07.123456Z", "granted": false}}',
                    'staff-7', 'SERVICE', 'NOT_NOW', '2027-01-15', 'waiting for the new model',
                    ARRAY[?, 'two words', 'quote"d', 'back\\slash', 'NULL', 'a,b', '{braces}'], E'line one\\nline two\\r\\n',
                    'B', '2026-11-30 23:59:59.999999+00', 1, 4, 5, 'CANNOT_LOSE', 7, 1234.50,
                    '2024-02-29 13:14:15.123456+00', '2026-11-01 08:00:00+00', 3,
                    '2023-01-02 03:04:05.678901+00', '2026-11-02 10:11:12.000001+00')""", tag));
        ids.add(insert(dataSource, """
                INSERT INTO customer (id, external_ref, tags, created_at, updated_at)
                VALUES (?, 'rows-' || ?, ARRAY[?], '2023-01-03 00:00:00+00', '2023-01-03 00:00:00.1+00')""", tag));
        ids.add(insert(dataSource, """
                INSERT INTO customer (id, external_ref, last_name, consent, tags, rfm_recency, total_spent, created_at, updated_at)
                VALUES (?, 'rows-' || ?, '', '{"PHONE": {"at": null, "granted": null}, "VISIT": {"at": "2025-03-04T06:06:07.1+01:00", "granted": true}, "SOCIAL": {}, "EMAIL": {"at": "2025-03-04T05:06:07.000Z", "granted": false}, "SMS": {"at": "2025-03-04T05:06:07.1Z"}}',
                    ARRAY[?], 3, -0.50, '2023-01-04 00:00:00+00', '2023-01-04 00:00:00+00')""", tag));
        ids.add(insert(dataSource, """
                INSERT INTO customer (id, external_ref, tags, rfm_segment, total_spent, created_at, updated_at)
                VALUES (?, 'rows-' || ?, ARRAY[?], 'LOST', 100000000000.00, '2023-01-05 00:00:00+00', '2023-01-05 00:00:00+00')""", tag));
        return ids;
    }

    /** One customer with only what a row requires, and this stored consent. */
    static UUID insertSparse(DataSource dataSource, String tag, String consent) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO customer (id, external_ref, consent, tags, created_at, updated_at)
                        VALUES (?, 'rows-' || ?, CAST(? AS jsonb), ARRAY[?], now(), now())""")) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, consent);
            insert.setString(4, tag);
            insert.executeUpdate();
        }
        return id;
    }

    /** Deletes customers no one has read through the API (a read is audited, and the audit keeps its customer). */
    static void delete(DataSource dataSource, List<UUID> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM customer WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            delete.executeUpdate();
        }
    }

    private static UUID insert(DataSource dataSource, String sql, String tag) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, tag);
            insert.executeUpdate();
        }
        return id;
    }
}
