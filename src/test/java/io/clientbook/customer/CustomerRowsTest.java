package io.clientbook.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link CustomerRows} reads a customer row as Hibernate maps it. The row has a value in every column,
 * and every persistent attribute of {@link Customer} (from Hibernate's metamodel, so a field added to the
 * entity later is checked too) must come out equal both ways.
 */
@QuarkusTest
class CustomerRowsTest {

    @Inject
    DataSource dataSource;
    @Inject
    EntityManager em;

    @Test
    void shouldReadEveryAttributeOfARowAsHibernateDoes() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO customer (id, external_ref, first_name, last_name, email, phone, gender, birth_date,
                            country, region, city, occupation, preferred_channel, consent, owner, need_orientation,
                            buying_stage, expected_purchase_date, not_buying_reason, tags, notes, tier, tier_changed_at,
                            rfm_recency, rfm_frequency, rfm_monetary, rfm_segment, purchase_count, total_spent,
                            first_purchase_at, last_purchase_at, erased_at, version, created_at, updated_at)
                        VALUES (?, ?, 'Zoë', 'O''Brien, "Jr."', 'zoe@example.com', '+31 20 555 0100', 'FEMALE', '1984-02-29',
                            'NL', 'Noord-Holland', 'Amsterdam', 'Pilot', 'SMS',
                            '{"SMS": {"at": "2025-01-01T00:00:00Z", "granted": true}, "EMAIL": {"at": "2025-03-04T05:06:07.123456Z", "granted": false}}',
                            'staff-7', 'SERVICE', 'NOT_NOW', '2027-01-15', 'waiting for the new model',
                            '{vip,"two words"}', E'line one\\nline two', 'B', '2026-11-30 23:59:59.999999+00',
                            1, 4, 5, 'CANNOT_LOSE', 7, 1234.50,
                            '2024-02-29 13:14:15.123456+00', '2026-11-01 08:00:00+00', '2026-12-01 00:00:00.5+00', 3,
                            '2023-01-02 03:04:05.678901+00', '2026-11-02 10:11:12.000001+00')""")) {
            insert.setObject(1, id);
            insert.setString(2, "rows-" + id);
            insert.executeUpdate();
        }

        Customer fromRow;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + CustomerRows.COLUMNS + ", 'extra' AS sort_value FROM customer c WHERE c.id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                fromRow = CustomerRows.read(rs);
            }
        }
        Customer fromHibernate = QuarkusTransaction.requiringNew().call(() -> em.find(Customer.class, id));

        for (Attribute<? super Customer, ?> attribute : em.getMetamodel().entity(Customer.class).getAttributes()) {
            Field field = Customer.class.getDeclaredField(attribute.getName());
            field.setAccessible(true);
            Object expected = field.get(fromHibernate);
            assertThat(expected).as("the test row has a value for %s", attribute.getName()).isNotNull();
            assertThat(field.get(fromRow)).as(attribute.getName()).isEqualTo(expected);
        }
    }
}
