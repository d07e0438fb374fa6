package io.clientbook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldNamesTest {

    record Sample(String name, String blank, List<String> tags, Map<String, String> consent, Integer count, String absent) {
    }

    @Test
    void shouldNameOnlyTheFieldsThatHoldAValue() {
        assertThat(FieldNames.setIn(new Sample("x", "", List.of(), Map.of("a", "b"), 0, null)))
                .containsExactly("name", "consent", "count");
    }

    @Test
    void shouldNameAJobAsActorAndRefuseANamelessOne() {
        assertThat(AuditActor.job("tier-recompute")).isEqualTo(new AuditActor("job:tier-recompute", "tier-recompute", "job"));
        assertThatThrownBy(() -> AuditActor.job(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
