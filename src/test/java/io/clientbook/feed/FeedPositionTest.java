package io.clientbook.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.clientbook.common.error.ApiProblem;

class FeedPositionTest {

    @Test
    void shouldRoundTripThroughItsCursor() {
        FeedPosition p = new FeedPosition(123456789012L, 42);
        assertThat(FeedPosition.decode(p.encode(), "after")).isEqualTo(p);
        assertThat(FeedPosition.decode(FeedPosition.before(1000).encode(), "after")).isEqualTo(FeedPosition.before(1000));
    }

    @Test
    void shouldStartAtTheBeginningWithoutACursor() {
        assertThat(FeedPosition.decode(null, "after")).isEqualTo(FeedPosition.START);
        assertThat(FeedPosition.decode(" ", "after")).isEqualTo(FeedPosition.START);
    }

    @Test
    void shouldOrderByTransactionThenSequence() {
        assertThat(new FeedPosition(5, 900)).isLessThan(new FeedPosition(6, 1));
        assertThat(new FeedPosition(6, 1)).isLessThan(new FeedPosition(6, 2));
        // The position before a horizon follows every event of the transactions below it.
        assertThat(new FeedPosition(999, Long.MAX_VALUE - 1)).isLessThan(FeedPosition.before(1000));
        assertThat(FeedPosition.before(1000)).isLessThan(new FeedPosition(1000, 0));
    }

    @Test
    void shouldRejectAnythingElseNamingTheParameter() {
        for (String bad : new String[] { "%%%", "abc", encode("feed1:1"), encode("feed1:a:b"), encode("feed1:-1:2"),
                encode("other:1:2"), encode("feed1:1:2:3") }) {
            assertThatThrownBy(() -> FeedPosition.decode(bad, "after")).as(bad).isInstanceOf(ApiProblem.class)
                    .satisfies(e -> assertThat(((ApiProblem) e).errors().get(0).field()).isEqualTo("after"));
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
