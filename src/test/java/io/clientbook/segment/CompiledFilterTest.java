package io.clientbook.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompiledFilterTest {

    @Test
    void shouldRenderEachPlaceholderAsANumberedNamedParameterWithItsValue() {
        CompiledFilter f = new CompiledFilter("c.erased_at IS NULL AND (c.tier = CAST(? AS bpchar)) AND (c.total_spent BETWEEN ? AND ?)",
                List.of("A", BigDecimal.ONE, BigDecimal.TEN));

        CompiledFilter.Named named = f.named("seg_");

        assertThat(named.sql()).isEqualTo(
                "c.erased_at IS NULL AND (c.tier = CAST(:seg_1 AS bpchar)) AND (c.total_spent BETWEEN :seg_2 AND :seg_3)");
        assertThat(named.params()).containsExactly(java.util.Map.entry("seg_1", "A"), java.util.Map.entry("seg_2", BigDecimal.ONE),
                java.util.Map.entry("seg_3", BigDecimal.TEN));
    }

    @Test
    void shouldLeaveQuestionMarksInQuotedLiteralsAndIdentifiersAlone() {
        CompiledFilter f = new CompiledFilter("(c.notes = 'why?' AND \"odd?name\" = ? AND c.x = 'it''s ?')", List.of(LocalDate.EPOCH));

        assertThat(f.named("p").sql()).isEqualTo("(c.notes = 'why?' AND \"odd?name\" = :p1 AND c.x = 'it''s ?')");
    }

    @Test
    void shouldKeepANameFromRunningIntoANeighbouringWord() {
        assertThat(new CompiledFilter("x=?y", List.of(1)).named("p").sql()).isEqualTo("x=:p1 y");
        assertThat(new CompiledFilter("x IN(?)", List.of(1)).named("p").sql()).isEqualTo("x IN(:p1)");
    }

    @Test
    void shouldRefuseMismatchedPlaceholdersAndBadPrefixes() {
        assertThatThrownBy(() -> new CompiledFilter("a = ? AND b = ?", List.of(1)).named("p")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CompiledFilter("a = ?", List.of(1, 2)).named("p")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CompiledFilter("a = ?", List.of(1)).named("G_")).isInstanceOf(IllegalArgumentException.class);
    }
}
