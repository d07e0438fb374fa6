package io.clientbook.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void shouldAcceptAnyUnicodeTextIncludingCharactersBeyondTheBasicPlane() {
        assertThat(StorableText.problem(null)).isNull();
        assertThat(StorableText.problem("")).isNull();
        assertThat(StorableText.problem("Zoë 北京 😀 '; DROP TABLE customer;-- %00 \t\n")).isNull();
    }

    @Test
    void shouldRefuseNulCharacters() {
        assertThat(StorableText.problem("a\u0000b")).contains("NUL");
        assertThat(StorableText.problem("\u0000")).contains("NUL");
    }

    @Test
    void shouldRefuseUnpairedSurrogates() {
        assertThat(StorableText.problem("a\ud800b")).contains("unpaired surrogate");
        assertThat(StorableText.problem("\udc00")).contains("unpaired surrogate");
        assertThat(StorableText.problem("x\ud83d")).contains("unpaired surrogate");
        assertThat(StorableText.problem("\ude00\ud83d")).contains("unpaired surrogate");
    }
}
