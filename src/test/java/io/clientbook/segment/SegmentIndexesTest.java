package io.clientbook.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.db.AdHocStatements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The indexes can answer the conditions they were made for, as the compiler emits them, without reading
 * the table. The table is vacuumed first, so its pages are all visible and an index-only scan costs what
 * it would in production; sequential and bitmap scans are switched off, as the test data is too small
 * for the planner to prefer an index. The plan then shows whether the index alone answers the query
 * (Index Only Scan) or the table must be read (Index Scan).
 */
@QuarkusTest
class SegmentIndexesTest {

    @Inject
    SegmentService segments;
    @Inject
    DataSource dataSource;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void shouldCountBirthdaysWithAConsentFromTheBirthdayIndexAlone() throws Exception {
        String birthdaysBySms = """
                {"and": [{"field": "birthdayWithinDays", "op": "lte", "value": 7},
                         {"field": "consent.SMS", "op": "eq", "value": true}]}""";

        assertThat(countPlan(birthdaysBySms)).anySatisfy(line -> assertThat(line)
                .contains("Index Only Scan using customer_birthday_idx"));
    }

    @Test
    void shouldCountBirthdaysAloneFromTheBirthdayIndexAlone() throws Exception {
        assertThat(countPlan("{\"field\": \"birthdayWithinDays\", \"op\": \"lte\", \"value\": 30}"))
                .anySatisfy(line -> assertThat(line).contains("Index Only Scan using customer_birthday_idx"));
    }

    /** EXPLAIN of the segment count of {@code filter}, planned for its values, after VACUUM, with sequential and bitmap scans off. */
    private List<String> countPlan(String filter) throws Exception {
        CompiledFilter compiled = segments.compile(json.readTree(filter));
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            st.execute("VACUUM (ANALYZE) customer");
        }
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL enable_seqscan = off");
                st.execute("SET LOCAL enable_bitmapscan = off");
            }
            List<String> plan = new ArrayList<>();
            try (PreparedStatement ps = AdHocStatements.prepare(connection,
                    "EXPLAIN SELECT count(*) FROM customer c WHERE " + compiled.sql())) {
                compiled.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
            return plan;
        }));
    }
}
