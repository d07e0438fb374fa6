package io.clientbook.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.clientbook.common.error.FieldError;

class NewWebhookTest {

    @Test
    void shouldAcceptHttpAndHttpsUrls() {
        assertThat(NewWebhook.urlError("https://hooks.example.com/a?b=c")).isEmpty();
        assertThat(NewWebhook.urlError("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(NewWebhook.urlError("HTTPS://Example.com")).isEmpty();
    }

    @Test
    void shouldRefuseOtherUrls() {
        for (String url : List.of("ftp://example.com", "mailto:a@example.com", "example.com/hook", "https://",
                "https://u:p@example.com", "https://example.com/#frag", "https://exa mple.com", "https://example.com/" + "x".repeat(2000))) {
            assertThat(NewWebhook.urlError(url)).as(url).isPresent();
        }
    }

    @Test
    void shouldNameEachBadFieldAndDropRepeatedTypes() {
        NewWebhook body = new NewWebhook("gopher://x", List.of("customer.created", "nope", " customer.created "), "d".repeat(201));
        assertThat(body.errors()).extracting(FieldError::field).containsExactly("url", "eventTypes[1]", "description");
        assertThat(new NewWebhook("https://x.example", List.of("customer.created", " customer.created "), null).types())
                .containsExactly("customer.created");
    }
}
