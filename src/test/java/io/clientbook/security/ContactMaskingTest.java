package io.clientbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMaskingTest {

    @Test
    void shouldKeepOnlyTheFirstLetterAndTheDomainOfAnEmail() {
        assertThat(ContactMasking.email("mei.chen@example.com")).isEqualTo("m***@example.com");
        assertThat(ContactMasking.email("broken")).isEqualTo("***");
        assertThat(ContactMasking.email(null)).isNull();
    }

    @Test
    void shouldKeepOnlyTheLastTwoDigitsOfAPhone() {
        assertThat(ContactMasking.phone("+44 20 7946 0958")).isEqualTo("+** ** **** **58");
        assertThat(ContactMasking.phone("12")).isEqualTo("12");
        assertThat(ContactMasking.phone(null)).isNull();
    }
}
