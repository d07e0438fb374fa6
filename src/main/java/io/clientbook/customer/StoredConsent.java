package io.clientbook.customer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The consent map as a customer row stores it (JSON text in {@code customer.consent}). Kept out of the
 * transactional {@link CustomerService} on purpose: pages read it once per customer, and a call through
 * the service's interceptor would begin and commit a transaction for each when there was none.
 */
@ApplicationScoped
public class StoredConsent {

    private static final TypeReference<Map<ContactChannel, Consent>> TYPE = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    private ObjectReader reader;
    private ObjectWriter writer;

    @PostConstruct
    void init() {
        reader = json.readerFor(TYPE);
        writer = json.writerFor(TYPE);
    }

    /** The consent map stored on {@code c}. */
    public Map<ContactChannel, Consent> of(Customer c) {
        return read(c.consent.getBytes(StandardCharsets.UTF_8), c.id);
    }

    /** The consent map in {@code stored}, the column's text, of customer {@code id}. */
    public Map<ContactChannel, Consent> read(byte[] stored, UUID id) {
        try {
            return reader.readValue(stored);
        } catch (IOException e) {
            throw new IllegalStateException("Stored consent of customer " + id + " is not readable", e);
        }
    }

    /** The text to store for {@code consent} (null: none given). */
    public String write(Map<ContactChannel, Consent> consent) {
        try {
            return writer.writeValueAsString(consent == null ? Map.of() : new LinkedHashMap<>(consent));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Consent could not be written as JSON", e);
        }
    }
}
