package io.clientbook.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stored consent in the form the service stores it is copied, and anything else is left, with nothing
 * written, to the reading that checks it ({@code CustomerRowsTest} holds both to the single read's JSON).
 */
class CustomerRowWriterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldCopyConsentAsJsonbPrintsWhatTheServiceStores() throws Exception {
        assertThat(copied("{}")).isEqualTo("{}");
        assertThat(copied("{\"SMS\": {\"at\": \"2025-01-01T00:00:00Z\", \"granted\": true}, "
                + "\"EMAIL\": {\"at\": \"2025-03-04T05:06:07.123456Z\", \"granted\": false}}"))
                .isEqualTo("{\"SMS\":{\"at\":\"2025-01-01T00:00:00Z\",\"granted\":true},"
                        + "\"EMAIL\":{\"at\":\"2025-03-04T05:06:07.123456Z\",\"granted\":false}}");
        assertThat(copied("{\"PHONE\": {\"at\": null, \"granted\": null}, \"VISIT\": {\"granted\": true}, \"SOCIAL\": {}}"))
                .isEqualTo("{\"PHONE\":{\"at\":null,\"granted\":null},\"VISIT\":{\"at\":null,\"granted\":true},"
                        + "\"SOCIAL\":{\"at\":null,\"granted\":null}}");
    }

    @Test
    void shouldNotCopyAnythingElse() throws Exception {
        for (String stored : new String[] { "", "{", "{}}", "{\"FAX\": {\"granted\": true}}", "{\"SMS\": true}",
                "{\"SMS\": {\"granted\": \"yes\"}}", "{\"SMS\": {\"by\": \"x\", \"granted\": true}}",
                "{\"SMS\": {\"at\": \"2025-01-01T00:00:00Z\", \"by\": \"x\"}}", "{\"SMS\": {\"at\": \"2025-01-01T00:00:00+00:00\"}}",
                "{\"SMS\": {\"at\": \"2025-01-01T00:00:00.000Z\"}}", "{\"SMS\": {\"at\": \"2025-01-01T00:00:00.1Z\"}}",
                "{\"SMS\": {\"at\": \"2025-02-30T00:00:00Z\"}}", "{\"SMS\": {\"at\": \"0000-06-01T00:00:00Z\"}}",
                "{\"SMS\": {\"at\": 1700000000}}", "{\"SMS\": {\"at\": \"2025-01-01T00:00:00Z\"", "{\"SMS\": {\"granted\": true}",
                "{\"SMS\": {\"granted\": true}, }", "{\"SMS\": {\"granted\": true}}x", "{\"SMS\":{\"granted\":true}}" }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                assertThat(writer(g).consentAsStored(stored.getBytes(StandardCharsets.UTF_8))).as(stored).isFalse();
            }
            assertThat(out.size()).as(stored).isZero();
        }
    }

    private String copied(String stored) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            assertThat(writer(g).consentAsStored(stored.getBytes(StandardCharsets.UTF_8))).as(stored).isTrue();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private CustomerRowWriter writer(JsonGenerator g) throws Exception {
        // The stored form is copied without reading: no StoredConsent is needed.
        return new CustomerRowWriter(g, json.getSerializerProviderInstance(), null, false);
    }
}
