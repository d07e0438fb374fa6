package io.clientbook.common.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.clientbook.common.Timestamps;

/**
 * Times only as the contract writes them: timestamps as ISO-8601 text with an offset, dates as
 * {@code YYYY-MM-DD}, in the {@linkplain Timestamps#YEARS years} the service takes. Jackson's
 * defaults also take JSON numbers (an epoch guess between seconds and milliseconds) and arrays,
 * which the contract does not allow. Instants in the common UTC form are read and written by
 * {@link UtcTimestampText}, to the same results, faster.
 */
public final class StrictTimeModule extends SimpleModule {

    public StrictTimeModule() {
        super("clientbook-strict-time");
        addDeserializer(OffsetDateTime.class, new IsoText<>(OffsetDateTime.class, OffsetDateTime::parse, Timestamps::isAccepted,
                "not an ISO-8601 timestamp with offset, e.g. 2026-11-23T10:15:30Z, in the " + Timestamps.YEARS));
        addDeserializer(Instant.class, new IsoText<>(Instant.class, UtcTimestampText::parseIso,
                Timestamps::isAccepted, "not an ISO-8601 timestamp with offset, e.g. 2026-11-23T10:15:30Z, in the " + Timestamps.YEARS));
        addSerializer(Instant.class, new InstantText());
        addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse, Timestamps::isAccepted,
                "not a date as YYYY-MM-DD in the " + Timestamps.YEARS));
    }

    /** Instants as {@link DateTimeFormatter#ISO_INSTANT} writes them, without its general machinery. */
    private static final class InstantText extends StdSerializer<Instant> {

        InstantText() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            char[] text = new char[30];
            int length = UtcTimestampText.format(value, text);
            if (length < 0) {
                gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
            } else {
                gen.writeString(text, 0, length);
            }
        }
    }

    private static final class IsoText<T> extends StdDeserializer<T> {

        private final transient Function<String, T> parse;
        private final transient Predicate<T> accepted;
        private final String expected;

        IsoText(Class<T> type, Function<String, T> parse, Predicate<T> accepted, String expected) {
            super(type);
            this.parse = parse;
            this.accepted = accepted;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText().trim();
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, expected);
            }
            return accepted.test(value) ? value : (T) ctxt.handleWeirdStringValue(handledType(), text, expected);
        }
    }
}
