package io.clientbook.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;

class SegmentFilterCompilerTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final OffsetDateTime NOW_UTC = NOW.atOffset(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    final SegmentFilterCompiler compiler = new SegmentFilterCompiler(SegmentFilterCompiler.Limits.DEFAULT);

    CompiledFilter compile(String json) {
        return compiler.compile(read(json), "filter", NOW);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    List<FieldError> errorsOf(String json) {
        try {
            compile(json);
        } catch (ApiProblem p) {
            assertThat(p.status()).isEqualTo(400);
            return p.errors();
        }
        throw new AssertionError("expected a 400 for " + json);
    }

    String cond(String field, String op, String value) {
        return "{\"field\": \"" + field + "\", \"op\": \"" + op + "\", \"value\": " + value + "}";
    }

    // ---- every operator of every field type ------------------------------------------------

    static Stream<Arguments> operatorsByType() {
        return Stream.of(
                // TEXT
                Arguments.of("region", "eq", "\"London\"", "(c.region = ?)", List.of("London")),
                Arguments.of("region", "neq", "\"London\"", "((c.region = ?) IS NOT TRUE)", List.of("London")),
                Arguments.of("region", "in", "[\"London\", \"Leeds\"]", "(c.region = ANY(?))", null),
                Arguments.of("region", "nin", "[\"London\"]", "((c.region = ANY(?)) IS NOT TRUE)", null),
                Arguments.of("lastName", "contains", "\"50%_o\\\\ff\"", "(c.last_name ILIKE ?)", List.of("%50\\%\\_o\\\\ff%")),
                Arguments.of("email", "exists", "true", "(c.email IS NOT NULL)", List.of()),
                Arguments.of("email", "exists", "false", "(c.email IS NULL)", List.of()),
                // ENUM
                Arguments.of("tier", "eq", "\"A\"", "(c.tier = CAST(? AS bpchar))", List.of("A")),
                Arguments.of("tier", "neq", "\"A\"", "((c.tier = CAST(? AS bpchar)) IS NOT TRUE)", List.of("A")),
                Arguments.of("buyingStage", "in", "[\"INTERESTED\", \"HESITANT\"]", "(c.buying_stage = ANY(?))", null),
                Arguments.of("gender", "nin", "[\"MALE\"]", "((c.gender = ANY(?)) IS NOT TRUE)", null),
                Arguments.of("tier", "exists", "false", "(c.tier IS NULL)", List.of()),
                // UUID
                Arguments.of("id", "eq", "\"6f1c1a52-0000-4000-8000-000000000000\"", "(c.id = ?)",
                        List.of(UUID.fromString("6f1c1a52-0000-4000-8000-000000000000"))),
                Arguments.of("id", "nin", "[\"6f1c1a52-0000-4000-8000-000000000000\"]", "((c.id = ANY(?)) IS NOT TRUE)", null),
                // INTEGER
                Arguments.of("stats.purchaseCount", "eq", "3", "(c.purchase_count = ?)", List.of(3)),
                Arguments.of("stats.purchaseCount", "gt", "3", "(c.purchase_count > ?)", List.of(3)),
                Arguments.of("rfm.recency", "gte", "4", "(c.rfm_recency >= ?)", List.of(4)),
                Arguments.of("rfm.frequency", "lt", "2", "(c.rfm_frequency < ?)", List.of(2)),
                Arguments.of("rfm.monetary", "lte", "2", "(c.rfm_monetary <= ?)", List.of(2)),
                Arguments.of("rfm.monetary", "between", "[2, 4]", "(c.rfm_monetary BETWEEN ? AND ?)", List.of(2, 4)),
                Arguments.of("rfm.recency", "in", "[1, 5]", "(c.rfm_recency = ANY(?))", null),
                Arguments.of("rfm.recency", "exists", "true", "(c.rfm_recency IS NOT NULL)", List.of()),
                // DECIMAL
                Arguments.of("stats.totalSpent", "gte", "1000.50", "(c.total_spent >= ?)", List.of(new BigDecimal("1000.5"))),
                Arguments.of("stats.totalSpent", "between", "[10, 20.5]", "(c.total_spent BETWEEN ? AND ?)",
                        List.of(new BigDecimal("10"), new BigDecimal("20.5"))),
                // DATE
                Arguments.of("birthDate", "lt", "\"1990-01-01\"", "(c.birth_date < ?)", List.of(LocalDate.of(1990, 1, 1))),
                Arguments.of("expectedPurchaseDate", "withinDays", "14", "(c.expected_purchase_date BETWEEN ? AND ?)",
                        List.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 7))),
                Arguments.of("expectedPurchaseDate", "olderThanDays", "30", "(c.expected_purchase_date < ?)",
                        List.of(LocalDate.of(2026, 10, 24))),
                // TIMESTAMP
                Arguments.of("stats.lastPurchaseAt", "withinDays", "90", "(c.last_purchase_at >= ?)", List.of(NOW_UTC.minusDays(90))),
                Arguments.of("stats.lastPurchaseAt", "olderThanDays", "365", "(c.last_purchase_at < ?)", List.of(NOW_UTC.minusDays(365))),
                // Bound as the same instant in UTC (PostgreSQL takes offsets only up to ±15:59).
                Arguments.of("createdAt", "gte", "\"2026-01-01T00:00:00+01:00\"", "(c.created_at >= ?)",
                        List.of(OffsetDateTime.parse("2025-12-31T23:00:00Z"))),
                Arguments.of("stats.firstPurchaseAt", "exists", "false", "(c.first_purchase_at IS NULL)", List.of()),
                // BOOLEAN
                Arguments.of("consent.SMS", "eq", "true",
                        "(coalesce(c.consent -> 'SMS' ->> 'granted' = 'true', false) = ?)", List.of(true)),
                Arguments.of("consent.EMAIL", "neq", "true",
                        "((coalesce(c.consent -> 'EMAIL' ->> 'granted' = 'true', false) = ?) IS NOT TRUE)", List.of(true)),
                // TAGS
                Arguments.of("tags", "eq", "\" VIP \"", "(c.tags @> ?)", null),
                Arguments.of("tags", "neq", "\"vip\"", "(NOT (c.tags @> ?))", null),
                Arguments.of("tags", "in", "[\"vip\", \"press\"]", "(c.tags && ?)", null),
                Arguments.of("tags", "nin", "[\"vip\"]", "(NOT (c.tags && ?))", null),
                Arguments.of("tags", "contains", "[\"vip\", \"press\"]", "(c.tags @> ?)", null),
                Arguments.of("tags", "exists", "false", "(cardinality(c.tags) = 0)", List.of()),
                // AGE (today 2026-11-23)
                Arguments.of("age", "gte", "18", "(c.birth_date <= ?)", List.of(LocalDate.of(2008, 11, 23))),
                Arguments.of("age", "lt", "30", "(c.birth_date > ?)", List.of(LocalDate.of(1996, 11, 23))),
                Arguments.of("age", "eq", "40", "(c.birth_date > ? AND c.birth_date <= ?)",
                        List.of(LocalDate.of(1985, 11, 23), LocalDate.of(1986, 11, 23))),
                Arguments.of("age", "between", "[20, 29]", "(c.birth_date > ? AND c.birth_date <= ?)",
                        List.of(LocalDate.of(1996, 11, 23), LocalDate.of(2006, 11, 23))),
                Arguments.of("age", "exists", "true", "(c.birth_date IS NOT NULL)", List.of()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("operatorsByType")
    void shouldCompileEachOperatorOfEachFieldTypeToBoundSql(String field, String op, String value, String sql, List<Object> params) {
        CompiledFilter f = compile(cond(field, op, value));
        assertThat(f.sql()).isEqualTo("c.erased_at IS NULL AND " + sql);
        assertThat(f.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(f.params().size());
        if (params != null) {
            assertThat(f.params()).containsExactlyElementsOf(params);
        }
    }

    @Test
    void shouldBindListsAsTypedArrays() {
        assertThat(compile(cond("region", "in", "[\"London\", \"Leeds\"]")).params().get(0))
                .isEqualTo(new String[] { "London", "Leeds" });
        assertThat(compile(cond("rfm.recency", "in", "[1, 5]")).params().get(0)).isEqualTo(new Integer[] { 1, 5 });
        assertThat(compile(cond("tags", "in", "[\" VIP \", \"Press\"]")).params().get(0)).isEqualTo(new String[] { "vip", "press" });
        assertThat(compile(cond("tags", "contains", "\"vip\"")).params().get(0)).isEqualTo(new String[] { "vip" });
    }

    @Test
    void shouldOfferEveryFieldWithEveryOperatorOfItsType() {
        for (String name : FilterField.names()) {
            FilterField f = FilterField.named(name);
            for (String op : f.type().ops) {
                String value = sampleValue(f, op);
                CompiledFilter compiled = compile(cond(name, op, value));
                assertThat(compiled.sql().chars().filter(ch -> ch == '?').count()).as(name + " " + op)
                        .isEqualTo(compiled.params().size());
            }
        }
    }

    private static String sampleValue(FilterField f, String op) {
        if (op.equals("exists")) {
            return "true";
        }
        if (op.equals("withinDays") || op.equals("olderThanDays")) {
            return "7";
        }
        String one = switch (f.type()) {
            case TEXT, TAGS -> "\"x\"";
            case ENUM -> "\"" + f.allowed().iterator().next() + "\"";
            case UUID -> "\"" + UUID.randomUUID() + "\"";
            case INTEGER, AGE, BIRTHDAY_DAYS -> "3";
            case DECIMAL -> "3.5";
            case DATE -> "\"2020-01-01\"";
            case TIMESTAMP -> "\"2026-01-01T00:00:00Z\"";
            case BOOLEAN -> "true";
        };
        return switch (op) {
            case "in", "nin" -> "[" + one + "]";
            case "between" -> "[" + one + ", " + one + "]";
            default -> one;
        };
    }

    // ---- birthdays --------------------------------------------------------------------------

    @Test
    void shouldCompileBirthdayWithinDaysToMonthDaysAcrossTheTurnOfTheYear() {
        CompiledFilter f = compiler.compile(read(cond("birthdayWithinDays", "lte", "7")), "filter",
                Instant.parse("2026-12-28T12:00:00Z"));
        assertThat(f.sql()).isEqualTo("c.erased_at IS NULL AND (" + FilterField.BIRTHDAY_MMDD + " = ANY(?))");
        assertThat((Integer[]) f.params().get(0)).containsExactly(101, 102, 103, 104, 1228, 1229, 1230, 1231);
    }

    @Test
    void shouldCountFebruary29BirthdaysOnThe28thInCommonYears() {
        CompiledFilter common = compiler.compile(read(cond("birthdayWithinDays", "eq", "0")), "filter",
                Instant.parse("2027-02-28T08:00:00Z"));
        assertThat((Integer[]) common.params().get(0)).containsExactlyInAnyOrder(228, 229);
        CompiledFilter leap = compiler.compile(read(cond("birthdayWithinDays", "eq", "0")), "filter",
                Instant.parse("2028-02-28T08:00:00Z"));
        assertThat((Integer[]) leap.params().get(0)).containsExactly(228);
        CompiledFilter leapDay = compiler.compile(read(cond("birthdayWithinDays", "eq", "1")), "filter",
                Instant.parse("2028-02-28T08:00:00Z"));
        assertThat((Integer[]) leapDay.params().get(0)).containsExactly(229);
    }

    @Test
    void shouldComplementBirthdaySetsForNeq() {
        CompiledFilter f = compile(cond("birthdayWithinDays", "neq", "0"));
        assertThat(f.sql()).endsWith(" = ANY(?)) IS NOT TRUE)");
        assertThat((Integer[]) f.params().get(0)).containsExactly(1123);
        CompiledFilter gt = compiler.compile(read(cond("birthdayWithinDays", "gt", "364")), "filter",
                Instant.parse("2027-11-23T00:00:00Z"));
        // From 2027-11-23 the year ahead holds February 29, 2028: only November 22 is 365 days away.
        assertThat((Integer[]) gt.params().get(0)).containsExactly(1122);
    }

    // ---- nesting --------------------------------------------------------------------------

    @Test
    void shouldCompileNestedAndOrNotKeepingPlaceholderOrder() {
        CompiledFilter f = compile("""
                {"and": [
                  {"field": "tier", "op": "eq", "value": "A"},
                  {"or": [{"field": "region", "op": "eq", "value": "North"}, {"not": {"field": "tags", "op": "eq", "value": "vip"}}]},
                  {"not": {"field": "region", "op": "eq", "value": "South"}}
                ]}""");
        assertThat(f.sql()).isEqualTo("c.erased_at IS NULL AND ((c.tier = CAST(? AS bpchar)) AND ((c.region = ?) OR (NOT (c.tags @> ?)))"
                + " AND ((c.region = ?) IS NOT TRUE))");
        assertThat(f.params()).hasSize(4);
        assertThat(f.params().get(0)).isEqualTo("A");
        assertThat(f.params().get(1)).isEqualTo("North");
        assertThat(f.params().get(2)).isEqualTo(new String[] { "vip" });
        assertThat(f.params().get(3)).isEqualTo("South");
    }

    @Test
    void shouldUnwrapSingleChildGroups() {
        assertThat(compile("{\"or\": [" + cond("tier", "eq", "\"B\"") + "]}").sql()).isEqualTo("c.erased_at IS NULL AND (c.tier = CAST(? AS bpchar))");
    }

    @Test
    void shouldMatchEveryoneNotErasedWithoutAFilter() {
        assertThat(compiler.compile(null, "filter", NOW).sql()).isEqualTo("c.erased_at IS NULL");
        assertThat(compiler.compile(read("null"), "filter", NOW).params()).isEmpty();
    }

    // ---- aggregates -----------------------------------------------------------------------

    @Test
    void shouldCompilePurchaseExistenceInAWindowAsASemiJoin() {
        CompiledFilter f = compile("{\"purchases\": {\"withinDays\": 90, \"channel\": \"ONLINE\"}}");
        assertThat(f.sql()).isEqualTo("c.erased_at IS NULL AND EXISTS (SELECT 1 FROM purchase r WHERE r.customer_id = c.id"
                + " AND r.voided_at IS NULL AND r.occurred_at >= ? AND r.channel = ?)");
        assertThat(f.params()).containsExactly(NOW_UTC.minusDays(90), "ONLINE");
    }

    @Test
    void shouldAnswerAPurchaseInAWindowFromTheCustomersPurchaseStatistics() {
        CompiledFilter recent = compile("{\"purchases\": {\"withinDays\": 90}}");
        assertThat(recent.sql()).isEqualTo("c.erased_at IS NULL AND (c.last_purchase_at >= ?)");
        assertThat(recent.params()).containsExactly(NOW_UTC.minusDays(90));
        // Null for a customer who never bought: "not" must still match them.
        assertThat(compile("{\"not\": {\"purchases\": {\"withinDays\": 90}}}").sql())
                .isEqualTo("c.erased_at IS NULL AND ((c.last_purchase_at >= ?) IS NOT TRUE)");
        assertThat(compile("{\"purchases\": {}}").sql()).isEqualTo("c.erased_at IS NULL AND (c.purchase_count > 0)");
        assertThat(compile("{\"not\": {\"purchases\": {}}}").sql()).isEqualTo("c.erased_at IS NULL AND (NOT (c.purchase_count > 0))");
        assertThat(compile("{\"purchases\": {\"product\": \"Sofa\"}}").sql()).contains("EXISTS (SELECT 1 FROM purchase r");
    }

    @Test
    void shouldCompilePurchaseCountAtLeastAsGroupedSemiJoin() {
        CompiledFilter f = compile("{\"purchases\": {\"withinDays\": 90, \"product\": \"Desk lamp\"}, \"op\": \"gte\", \"count\": 2}");
        assertThat(f.sql()).isEqualTo("c.erased_at IS NULL AND EXISTS (SELECT 1 FROM (SELECT r.customer_id FROM purchase r"
                + " WHERE r.voided_at IS NULL AND r.occurred_at >= ? AND r.product = ? GROUP BY r.customer_id HAVING count(*) >= ?) g"
                + " WHERE g.customer_id = c.id)");
        assertThat(f.params()).containsExactly(NOW_UTC.minusDays(90), "Desk lamp", 2L);
    }

    @Test
    void shouldCompileComparisonsThatZeroSatisfiesAsAntiJoinSoCustomersWithoutPurchasesMatch() {
        CompiledFilter f = compile("{\"purchases\": {\"withinDays\": 30}, \"op\": \"lt\", \"sum\": 100}");
        assertThat(f.sql()).isEqualTo("c.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM (SELECT r.customer_id FROM purchase r"
                + " WHERE r.voided_at IS NULL AND r.occurred_at >= ? GROUP BY r.customer_id HAVING NOT (sum(r.amount) < ?)) g"
                + " WHERE g.customer_id = c.id)");
        assertThat(f.params()).containsExactly(NOW_UTC.minusDays(30), new BigDecimal("100"));
        assertThat(compile("{\"purchases\": {}, \"op\": \"between\", \"count\": [0, 3]}").sql()).contains("NOT EXISTS");
        assertThat(compile("{\"purchases\": {}, \"op\": \"between\", \"count\": [1, 3]}").sql()).doesNotContain("NOT EXISTS");
    }

    @Test
    void shouldCompileComplaintAndInteractionConditions() {
        assertThat(compile("{\"complaints\": {\"open\": true}}").sql()).isEqualTo("c.erased_at IS NULL AND EXISTS (SELECT 1 FROM"
                + " complaint r WHERE r.customer_id = c.id AND r.status IN ('OPEN', 'IN_PROGRESS'))");
        CompiledFilter recent = compile("{\"complaints\": {\"withinDays\": 30}, \"op\": \"gte\", \"count\": 2}");
        assertThat(recent.sql()).contains("FROM complaint r WHERE r.opened_at >= ? GROUP BY r.customer_id HAVING count(*) >= ?");
        CompiledFilter quiet = compile("{\"not\": {\"interactions\": {\"withinDays\": 30, \"direction\": \"OUTBOUND\"}}}");
        assertThat(quiet.sql()).isEqualTo("c.erased_at IS NULL AND (NOT EXISTS (SELECT 1 FROM interaction r WHERE"
                + " r.customer_id = c.id AND r.occurred_at >= ? AND r.direction = ?))");
        assertThat(quiet.params()).containsExactly(NOW_UTC.minusDays(30), "OUTBOUND");
    }

    // ---- errors, each naming its node -------------------------------------------------------

    @Test
    void shouldPointAtTheOffendingNodeOfANestedFilter() {
        List<FieldError> errors = errorsOf("""
                {"and": [
                  {"field": "tier", "op": "eq", "value": "A"},
                  {"field": "region", "op": "eq", "value": "North"},
                  {"field": "stats.purchaseCount", "op": "gte", "value": "two"}
                ]}""");
        assertThat(errors).extracting(FieldError::field).containsExactly("filter.and[2].value");
        assertThat(errors.get(0).message()).contains("whole number");
    }

    static Stream<Arguments> badFilters() {
        return Stream.of(
                Arguments.of("{\"field\": \"shoeSize\", \"op\": \"eq\", \"value\": 42}", "filter.field", "unknown field"),
                Arguments.of("{\"field\": 7, \"op\": \"eq\", \"value\": 42}", "filter.field", "string"),
                Arguments.of("{\"field\": \"region\", \"op\": \"gt\", \"value\": \"A\"}", "filter.op", "not an operator for region"),
                Arguments.of("{\"field\": \"tags\", \"op\": \"between\", \"value\": [1, 2]}", "filter.op", "not an operator"),
                Arguments.of("{\"field\": \"region\", \"value\": \"A\"}", "filter.op", "required"),
                Arguments.of("{\"field\": \"region\", \"op\": \"eq\"}", "filter.value", "required"),
                Arguments.of("{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"D\"}", "filter.value", "one of [A, B, C]"),
                Arguments.of("{\"field\": \"tier\", \"op\": \"in\", \"value\": [\"A\", \"Z\"]}", "filter.value[1]", "one of"),
                Arguments.of("{\"field\": \"tier\", \"op\": \"in\", \"value\": []}", "filter.value", "non-empty array"),
                Arguments.of("{\"field\": \"tier\", \"op\": \"in\", \"value\": \"A\"}", "filter.value", "non-empty array"),
                Arguments.of("{\"field\": \"stats.totalSpent\", \"op\": \"gt\", \"value\": \"100\"}", "filter.value", "number"),
                Arguments.of("{\"field\": \"rfm.recency\", \"op\": \"eq\", \"value\": 2.5}", "filter.value", "whole number"),
                Arguments.of("{\"field\": \"birthDate\", \"op\": \"lt\", \"value\": \"12/04/1988\"}", "filter.value", "YYYY-MM-DD"),
                Arguments.of("{\"field\": \"createdAt\", \"op\": \"gt\", \"value\": \"2026-01-01\"}", "filter.value", "ISO-8601"),
                Arguments.of("{\"field\": \"createdAt\", \"op\": \"withinDays\", \"value\": -1}", "filter.value", "from 0 to 36500"),
                Arguments.of("{\"field\": \"age\", \"op\": \"between\", \"value\": [40, 30]}", "filter.value", "from ≤ to"),
                Arguments.of("{\"field\": \"age\", \"op\": \"between\", \"value\": [40]}", "filter.value", "two values"),
                Arguments.of("{\"field\": \"email\", \"op\": \"exists\", \"value\": \"yes\"}", "filter.value", "true or false"),
                Arguments.of("{\"field\": \"birthdayWithinDays\", \"op\": \"lte\", \"value\": 400}", "filter.value", "0 to 365"),
                Arguments.of("{\"field\": \"id\", \"op\": \"eq\", \"value\": \"nope\"}", "filter.value", "UUID"),
                Arguments.of("{\"field\": \"tags\", \"op\": \"eq\", \"value\": \"  \"}", "filter.value", "tag"),
                Arguments.of("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"A\", \"extra\": 1}", "filter.extra", "unknown property"),
                Arguments.of("{\"and\": []}", "filter.and", "must not be empty"),
                Arguments.of("{\"or\": {}}", "filter.or", "array"),
                Arguments.of("{\"not\": []}", "filter.not", "object"),
                Arguments.of("{}", "filter", "must have one of"),
                Arguments.of("[]", "filter", "must be an object"),
                Arguments.of("{\"and\": [], \"or\": []}", "filter", "only one of"),
                Arguments.of("{\"purchases\": 3}", "filter.purchases", "object"),
                Arguments.of("{\"purchases\": {\"withinDays\": 30, \"colour\": \"red\"}}", "filter.purchases.colour", "unknown property"),
                Arguments.of("{\"purchases\": {\"withinDays\": \"30\"}}", "filter.purchases.withinDays", "whole number"),
                Arguments.of("{\"purchases\": {}, \"op\": \"gte\"}", "filter.count", "required"),
                Arguments.of("{\"purchases\": {}, \"count\": 2}", "filter.op", "must be one of"),
                Arguments.of("{\"purchases\": {}, \"op\": \"in\", \"count\": 2}", "filter.op", "must be one of"),
                Arguments.of("{\"purchases\": {}, \"op\": \"gte\", \"count\": 1, \"sum\": 3}", "filter", "not both"),
                Arguments.of("{\"purchases\": {}, \"op\": \"gte\", \"count\": -1}", "filter.count", "from 0"),
                Arguments.of("{\"complaints\": {}, \"op\": \"gte\", \"sum\": 3}", "filter.sum", "unknown property"),
                Arguments.of("{\"complaints\": {\"open\": \"yes\"}}", "filter.complaints.open", "true or false"),
                Arguments.of("{\"interactions\": {\"direction\": \"SIDEWAYS\"}}", "filter.interactions.direction", "INBOUND"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFilters")
    void shouldRejectABadFilterNamingTheNode(String filter, String field, String message) {
        List<FieldError> errors = errorsOf(filter);
        assertThat(errors).extracting(FieldError::field).contains(field);
        assertThat(errors.stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().message()).contains(message);
    }

    @Test
    void shouldReportEveryErrorAtOnce() {
        List<FieldError> errors = errorsOf("{\"or\": [" + cond("tier", "eq", "\"X\"") + ", " + cond("nope", "eq", "1") + ", "
                + cond("age", "gt", "\"old\"") + "]}");
        assertThat(errors).extracting(FieldError::field).containsExactly("filter.or[0].value", "filter.or[1].field", "filter.or[2].value");
    }

    // ---- bounds ---------------------------------------------------------------------------

    @Test
    void shouldRejectAFilterNestedTooDeeply() {
        String deep = cond("tier", "eq", "\"A\"");
        for (int i = 0; i < 8; i++) {
            deep = "{\"not\": " + deep + "}";
        }
        String tooDeep = deep;
        assertThatThrownBy(() -> compile(tooDeep)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.errors().get(0).field()).isEqualTo("filter.not.not.not.not.not.not.not.not");
            assertThat(p.errors().get(0).message()).contains("at most 8 levels");
        });
        String ok = cond("tier", "eq", "\"A\"");
        for (int i = 0; i < 7; i++) {
            ok = "{\"not\": " + ok + "}";
        }
        assertThat(compile(ok).params()).containsExactly("A");
    }

    @Test
    void shouldRejectAFilterWithTooManyNodes() {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            conditions.add(cond("region", "eq", "\"r" + i + "\""));
        }
        assertThatThrownBy(() -> compile("{\"or\": [" + String.join(",", conditions) + "]}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.errors().get(0).field()).isEqualTo("filter.or[99]");
                    assertThat(p.errors().get(0).message()).contains("at most 100 nodes");
                });
        assertThat(compile("{\"or\": [" + String.join(",", conditions.subList(0, 99)) + "]}").params()).hasSize(99);
    }

    @Test
    void shouldRejectTooLongListsAndStrings() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            values.add("\"r" + i + "\"");
        }
        assertThat(errorsOf(cond("region", "in", "[" + String.join(",", values) + "]")).get(0).message()).contains("at most 1000");
        assertThat(errorsOf(cond("region", "eq", "\"" + "x".repeat(201) + "\"")).get(0).message()).contains("1 to 200 characters");
    }

    // ---- hostile input ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "'; DROP TABLE customer; --", "x' OR '1'='1", "\\'); DELETE FROM purchase; --", "$$; SELECT 1; $$",
            "c.id) OR (TRUE" })
    void shouldNeverPutAValueIntoTheSqlText(String hostile) throws Exception {
        String quoted = JSON.writeValueAsString(hostile);
        List<String> filters = List.of(cond("region", "eq", quoted), cond("lastName", "contains", quoted),
                cond("rfm.segment", "in", "[" + quoted + "]"), cond("tags", "contains", quoted),
                "{\"purchases\": {\"product\": " + quoted + ", \"channel\": " + quoted + "}, \"op\": \"gte\", \"count\": 1}");
        for (String filter : filters) {
            CompiledFilter f = compile(filter);
            assertThat(f.sql()).doesNotContain(hostile).doesNotContain("DROP").doesNotContain("DELETE").doesNotContain("'1'");
            assertThat(f.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(f.params().size());
        }
    }

    @Test
    void shouldRejectHostileFieldAndOperatorNamesWithoutEchoingThemIntoSql() {
        List<FieldError> errors = errorsOf(cond("region; DROP TABLE customer; --", "eq", "1"));
        assertThat(errors.get(0).field()).isEqualTo("filter.field");
        assertThat(errorsOf(cond("region", "= 1 OR 1 =", "\"x\"")).get(0).field()).isEqualTo("filter.op");
        assertThat(errorsOf("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"x\", \"'; --\": 1}").get(0).field())
                .isEqualTo("filter.'; --");
    }

    @Test
    void shouldRejectTextTheDatabaseCannotStoreNamingTheNode() {
        // A NUL made the query fail (500); an unpaired surrogate was sent as '?' and matched question marks.
        for (String unstorable : List.of("\"a\\u0000b\"", "\"\\u0000\"", "\"a\\ud800b\"", "\"\\udc00\"")) {
            assertThat(errorsOf(cond("lastName", "eq", unstorable)).get(0).field()).isEqualTo("filter.value");
            assertThat(errorsOf(cond("notes", "contains", unstorable)).get(0).field()).isEqualTo("filter.value");
            assertThat(errorsOf(cond("city", "in", "[\"x\", " + unstorable + "]")).get(0).field()).isEqualTo("filter.value[1]");
            assertThat(errorsOf(cond("tags", "eq", unstorable)).get(0).field()).isEqualTo("filter.value");
            assertThat(errorsOf("{\"purchases\": {\"product\": " + unstorable + "}}").get(0).field())
                    .isEqualTo("filter.purchases.product");
        }
        assertThat(errorsOf(cond("lastName", "eq", "\"a\\u0000b\"")).get(0).message()).contains("NUL");
        assertThat(compile(cond("lastName", "eq", "\"Zoë 😀\"")).params()).containsExactly("Zoë 😀");
    }

    @Test
    void shouldRejectDatesAndTimesOutsideTheYearsTheDatabaseHolds() {
        // Java reads years up to ±999,999,999; PostgreSQL failed on them with a 500.
        assertThat(errorsOf(cond("birthDate", "eq", "\"+999999999-12-31\"")).get(0).field()).isEqualTo("filter.value");
        assertThat(errorsOf(cond("createdAt", "gt", "\"+999999999-12-31T23:59:59Z\"")).get(0).field()).isEqualTo("filter.value");
        assertThat(errorsOf(cond("createdAt", "between", "[\"-999999999-01-01T00:00:00Z\", \"2026-01-01T00:00:00Z\"]"))
                .get(0).field()).isEqualTo("filter.value[0]");
        assertThat(compile(cond("birthDate", "eq", "\"9999-12-31\"")).params()).containsExactly(LocalDate.of(9999, 12, 31));
    }

    @Test
    void shouldRejectABadBoundOfBetweenWithoutFailing() {
        // A bad bound left the range null, and compiling it threw a NullPointerException (500).
        assertThat(errorsOf(cond("stats.totalSpent", "between", "[\"lots\", 10]")).get(0).field()).isEqualTo("filter.value[0]");
        assertThat(errorsOf(cond("region", "between", "[\"a\", \"b\"]")).get(0).field()).isEqualTo("filter.op");
    }

    @Test
    void shouldBindTimestampsInUtcSoOffsetsBeyondWhatPostgresqlTakesStillCompare() {
        // +18:00 is legal ISO-8601 (and Java), but PostgreSQL refuses offsets beyond ±15:59 (it was a 500).
        assertThat(compile(cond("createdAt", "gt", "\"2026-11-23T10:15:30+18:00\"")).params())
                .containsExactly(OffsetDateTime.parse("2026-11-22T16:15:30Z"));
    }

    @Test
    void shouldExposeWhitelistedFieldsOnly() {
        assertThat(FilterField.names()).contains("tier", "rfm.segment", "stats.lastPurchaseAt", "age", "birthdayWithinDays",
                "tags", "consent.SMS", "buyingStage").doesNotContain("erasedAt", "version");
        assertThat(Map.of("fields", FilterField.names().size())).containsEntry("fields", FilterField.names().size());
    }
}
