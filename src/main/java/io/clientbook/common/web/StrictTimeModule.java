package io.clientbook.common.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Times only as the contract writes them: timestamps as ISO-8601 text with an offset, dates as
 * {@code YYYY-MM-DD}. Jackson's defaults also take JSON numbers (an epoch guess between seconds
 * and milliseconds) and arrays, which the contract does not allow.
 */
public final class StrictTimeModule extends SimpleModule {

    public StrictTimeModule() {
        super("clientbook-strict-time");
        addDeserializer(OffsetDateTime.class, new IsoText<>(OffsetDateTime.class, OffsetDateTime::parse,
                "not an ISO-8601 timestamp with offset, e.g. 2026-11-23T10:15:30Z"));
        addDeserializer(Instant.class, new IsoText<>(Instant.class, text -> OffsetDateTime.parse(text).toInstant(),
                "not an ISO-8601 timestamp with offset, e.g. 2026-11-23T10:15:30Z"));
        addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse,
                "not a date as YYYY-MM-DD"));
    }

    private static final class IsoText<T> extends StdDeserializer<T> {

        private final transient Function<String, T> parse;
        private final String expected;

        IsoText(Class<T> type, Function<String, T> parse, String expected) {
            super(type);
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText().trim();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, expected);
            }
        }
    }
}
