package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@link NamedSql} turns {@code :name} parameters into JDBC placeholders, without a database. */
class NamedSqlParseTest {

    @Test
    void shouldReplaceNamesInOrderAndLeaveCastsAndRepeatsAlone() {
        NamedSql.Parsed parsed = NamedSql.parse(
                "SELECT :a::text, CAST(:b AS int), x::uuid FROM t WHERE y = :a AND z = :c_2");

        assertThat(parsed.jdbc()).isEqualTo("SELECT ?::text, CAST(? AS int), x::uuid FROM t WHERE y = ? AND z = ?");
        assertThat(parsed.names()).containsExactly("a", "b", "a", "c_2");
    }

    @Test
    void shouldParseTheSameTextOnceAndStillParseNewTextsWhenTheCacheIsFull() {
        String sql = "SELECT :only";
        assertThat(NamedSql.parse(sql)).isSameAs(NamedSql.parse(sql));

        for (int i = 0; i < 1000; i++) {
            assertThat(NamedSql.parse("SELECT :p" + i).names()).containsExactly("p" + i);
        }
        assertThat(NamedSql.parse(sql).names()).containsExactly("only");
    }
}
