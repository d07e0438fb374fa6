package io.clientbook.common.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.clientbook.common.StorableText;
import io.clientbook.common.error.UnstorableTextException;

/**
 * Every string read from a request body into a field is checked once, here, for what the database
 * cannot store (NUL characters, unpaired surrogates), so each such value is a 400 naming its field
 * instead of a failed statement or a quietly altered value. Reading is otherwise Jackson's own.
 */
public final class StorableTextModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public StorableTextModule() {
        super("clientbook-storable-text");
        addDeserializer(String.class, new StorableStrings());
    }

    private static final class StorableStrings extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        StorableStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = StorableText.problem(text);
            if (problem != null) {
                throw new UnstorableTextException(p, problem);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }
}
