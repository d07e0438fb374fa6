package io.clientbook.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.common.error.FieldError;
import io.clientbook.feed.FeedEventTypes;

/** The body of {@code POST /webhooks}: where to send which events. The secret is always generated. */
@Schema(name = "NewWebhook", description = "Where to send which events; the signing secret is generated and shown once")
public record NewWebhook(
        @Schema(required = true, description = "Absolute http or https URL, without credentials, at most 2000 characters",
                maxLength = MAX_URL_LENGTH, examples = "https://shop.example.com/hooks/clientbook") String url,
        @Schema(required = true, description = "The event types to send (at least one); see GET /events for the list",
                examples = "[\"purchase.recorded\", \"customer.erased\"]") List<String> eventTypes,
        @Schema(description = "What the webhook is for, at most 200 characters", maxLength = MAX_DESCRIPTION_LENGTH,
                examples = "Shop: loyalty points") String description) {

    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_DESCRIPTION_LENGTH = 200;

    /** Every problem of the body, each naming its field; empty when it can be stored. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        urlError(url).ifPresent(message -> errors.add(new FieldError("url", message)));
        if (eventTypes == null || eventTypes.isEmpty()) {
            errors.add(new FieldError("eventTypes", "must name at least one event type of " + FeedEventTypes.ALL));
        } else {
            for (int i = 0; i < eventTypes.size(); i++) {
                String type = eventTypes.get(i);
                if (type == null || !FeedEventTypes.isKnown(type.trim())) {
                    errors.add(new FieldError("eventTypes[" + i + "]", "must be one of " + FeedEventTypes.ALL));
                }
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        return errors;
    }

    /** The event types, trimmed and without repeats, in the order given. */
    public List<String> types() {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        eventTypes.forEach(t -> types.add(t.trim()));
        return List.copyOf(types);
    }

    static java.util.Optional<String> urlError(String url) {
        if (url == null || url.isBlank()) {
            return java.util.Optional.of("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return java.util.Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return java.util.Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return java.util.Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return java.util.Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return java.util.Optional.of("must not carry credentials; receivers authenticate deliveries by their signature");
        }
        if (uri.getRawFragment() != null) {
            return java.util.Optional.of("must not have a fragment (#…)");
        }
        return java.util.Optional.empty();
    }
}
