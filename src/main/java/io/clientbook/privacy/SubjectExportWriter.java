package io.clientbook.privacy;

import java.io.IOException;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;

/** What a {@link SubjectExportSection} writes to: JSON values straight onto the response stream. */
public final class SubjectExportWriter {

    /** Rows a section reads per page. */
    public static final int PAGE_SIZE = 500;

    private final JsonGenerator out;
    private final ObjectWriter values;
    private final EntityManager em;

    SubjectExportWriter(JsonGenerator out, ObjectWriter values, EntityManager em) {
        this.out = out;
        this.values = values;
        this.em = em;
    }

    /** Writes one value (a response record) as the application's JSON. */
    public void value(Object value) throws IOException {
        values.writeValue(out, value);
    }

    public void startArray() throws IOException {
        out.writeStartArray();
    }

    public void endArray() throws IOException {
        out.writeEndArray();
    }

    /** After a page: sends what is written and lets go of the page's entities. */
    public void pageWritten() throws IOException {
        out.flush();
        em.clear();
    }
}
