package io.clientbook.customer;

import java.util.LinkedHashMap;
import java.util.Map;

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
        try {
            return reader.readValue(c.consent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored consent of customer " + c.id + " is not readable", e);
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
