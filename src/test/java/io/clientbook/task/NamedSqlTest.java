package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.segment.CompiledFilter;
import io.clientbook.segment.SegmentService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A segment condition rendered with named parameters binds through {@link NamedSql} to the same rows as
 * the positional original, for every value type the filter compiler emits.
 */
@QuarkusTest
class NamedSqlTest {

    @Inject
    SegmentService segments;
    @Inject
    DataSource ds;
    @Inject
    ObjectMapper json;

    @Test
    void shouldBindEveryValueTypeOfACompiledFilter() throws Exception {
        String customer = TaskFixtures.customer("EMAIL", "EMAIL");
        // Each leaf holds for the customer created above, so the count is 1 only if every value binds right.
        String filter = """
                {"and": [
                  {"field": "id", "op": "in", "value": ["%s"]},
                  {"field": "id", "op": "eq", "value": "%s"},
                  {"field": "lastName", "op": "contains", "value": "Follow"},
                  {"field": "tags", "op": "exists", "value": false},
                  {"not": {"field": "tags", "op": "in", "value": ["nope-tag"]}},
                  {"not": {"field": "tier", "op": "in", "value": ["A", "B"]}},
                  {"field": "preferredChannel", "op": "eq", "value": "EMAIL"},
                  {"field": "consent.EMAIL", "op": "eq", "value": true},
                  {"field": "stats.totalSpent", "op": "between", "value": [0, 1000]},
                  {"field": "stats.purchaseCount", "op": "in", "value": [0, 1]},
                  {"not": {"field": "birthDate", "op": "gte", "value": "2999-01-01"}},
                  {"field": "createdAt", "op": "gte", "value": "2020-01-01T00:00:00Z"},
                  {"field": "createdAt", "op": "withinDays", "value": 1},
                  {"purchases": {"withinDays": 30}, "op": "lt", "count": 1},
                  {"purchases": {"withinDays": 30}, "op": "lte", "sum": 10.5}
                ]}""".formatted(customer, customer);
        CompiledFilter compiled = segments.compile(json.readTree(filter));
        assertThat(compiled.params()).hasAtLeastOneElementOfType(BigDecimal.class).hasAtLeastOneElementOfType(UUID[].class)
                .hasAtLeastOneElementOfType(String[].class).hasAtLeastOneElementOfType(Integer[].class)
                .hasAtLeastOneElementOfType(Boolean.class).hasAtLeastOneElementOfType(java.time.OffsetDateTime.class)
                .hasAtLeastOneElementOfType(java.time.LocalDate.class).hasAtLeastOneElementOfType(Long.class);
        String count = "SELECT count(*) FROM customer c WHERE ";

        CompiledFilter.Named named = compiled.named("seg_");
        Map<String, Object> params = new LinkedHashMap<>(named.params());
        try (Connection c = ds.getConnection()) {
            long positional;
            try (PreparedStatement ps = c.prepareStatement(count + compiled.sql())) {
                compiled.bind(ps, 1);
                positional = single(ps);
            }
            try (PreparedStatement ps = NamedSql.prepare(c, count + named.sql(), params)) {
                assertThat(single(ps)).isEqualTo(positional).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldBindDecimalArrays() throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = NamedSql.prepare(c, "SELECT cardinality(CAST(:xs AS numeric[]))",
                        Map.of("xs", new BigDecimal[] { BigDecimal.ONE, BigDecimal.TEN }))) {
            assertThat(single(ps)).isEqualTo(2);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
