package io.clientbook.task;

import static io.clientbook.customer.ContactChannel.EMAIL;
import static io.clientbook.customer.ContactChannel.PHONE;
import static io.clientbook.customer.ContactChannel.SMS;
import static io.clientbook.customer.ContactChannel.VISIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContactPolicyTest {

    private static final List<io.clientbook.customer.ContactChannel> ORDER = List.of(EMAIL, SMS, PHONE);

    @Test
    void shouldUseThePreferredChannelWhenConsentedAndAllowed() {
        assertThat(ContactPolicy.marketingChannel(null, SMS, Set.of(EMAIL, SMS), ORDER)).contains(SMS);
    }

    @Test
    void shouldFallBackToTheFirstConsentedChannelOfTheRule() {
        assertThat(ContactPolicy.marketingChannel(null, PHONE, Set.of(SMS, EMAIL), ORDER)).contains(EMAIL);
        assertThat(ContactPolicy.marketingChannel(null, VISIT, Set.of(VISIT, SMS), ORDER)).contains(SMS);
        assertThat(ContactPolicy.marketingChannel(null, null, Set.of(PHONE), ORDER)).contains(PHONE);
    }

    @Test
    void shouldFindNoChannelWithoutConsent() {
        assertThat(ContactPolicy.marketingChannel(null, EMAIL, Set.of(), ORDER)).isEmpty();
        assertThat(ContactPolicy.marketingChannel(null, EMAIL, Set.of(VISIT), ORDER)).isEmpty();
        assertThat(ContactPolicy.marketingChannel(SMS, EMAIL, Set.of(EMAIL), ORDER)).isEmpty();
        assertThat(ContactPolicy.marketingChannel(SMS, EMAIL, Set.of(SMS), ORDER)).contains(SMS);
    }

    @Test
    void shouldGiveServiceTasksAChannelWithoutConsent() {
        assertThat(ContactPolicy.serviceChannel(VISIT, EMAIL, Set.of(), ORDER)).isEqualTo(VISIT);
        assertThat(ContactPolicy.serviceChannel(null, PHONE, Set.of(SMS), ORDER)).isEqualTo(SMS);
        assertThat(ContactPolicy.serviceChannel(null, PHONE, Set.of(), ORDER)).isEqualTo(PHONE);
        assertThat(ContactPolicy.serviceChannel(null, null, Set.of(), ORDER)).isEqualTo(EMAIL);
    }

    @Test
    void shouldCallContactsCloserThanTheMinimumTooClose() {
        Instant t = Instant.parse("2026-11-23T09:00:00Z");
        assertThat(ContactPolicy.tooClose(t, t.plus(Duration.ofDays(6)), 7)).isTrue();
        assertThat(ContactPolicy.tooClose(t.plus(Duration.ofDays(6)), t, 7)).isTrue();
        assertThat(ContactPolicy.tooClose(t, t.plus(Duration.ofDays(7)), 7)).isFalse();
        assertThat(ContactPolicy.tooClose(t, t.plus(Duration.ofDays(1)), 0)).isFalse();
    }
}
