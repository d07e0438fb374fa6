package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CampaignKeyTest {

    @Test
    void shouldPreferTheExplicitCampaign() {
        assertThat(CampaignKey.of("spring-2026", "key-1", "abc")).isEqualTo("spring-2026");
        assertThat(CampaignKey.triggerKey("spring-2026")).isEqualTo("campaign:spring-2026");
    }

    @Test
    void shouldDeriveAStableKeyPerCallerFromTheIdempotencyKey() {
        String derived = CampaignKey.of(null, "key-1", "abc");
        assertThat(derived).matches("idem-[0-9a-f]{32}").isEqualTo(CampaignKey.of(null, "key-1", "abc"));
        assertThat(CampaignKey.of(null, "key-2", "abc")).isNotEqualTo(derived);
        assertThat(CampaignKey.of(null, "key-1", "abd")).isNotEqualTo(derived);
    }

    @Test
    void shouldHaveNoKeyWithoutEither() {
        assertThat(CampaignKey.of(null, "key-1", null)).isNull();
    }
}
