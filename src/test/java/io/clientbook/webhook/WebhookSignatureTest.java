package io.clientbook.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void shouldSignTimestampDotBodyWithHmacSha256() {
        // Reference value: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        String body = "{\"a\":1}";
        assertThat(WebhookSignature.header("whsec_test", 1700000000L, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac("whsec_test", 1700000000L, body.getBytes(StandardCharsets.UTF_8)))
                .matches("t=1700000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.hmac("whsec_test", 1700000000L, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(REFERENCE);
        assertThat(WebhookSignature.hmac("whsec_test", 1700000001L, body.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(REFERENCE);
    }

    @Test
    void shouldMakeDistinctPrefixedSecrets() {
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_").hasSize(6 + 43);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
    }

    private static final String REFERENCE = "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789";
}
