package io.clientbook.privacy;

import java.io.IOException;
import java.util.UUID;

/**
 * One section of a customer's subject-access export: a CDI bean ({@code @ApplicationScoped}) in the
 * capability that owns the data. The export finds every section bean and writes them in
 * {@link #order()}, so a new capability adds its data by adding a bean (and a component to
 * {@link io.clientbook.privacy.rest.SubjectExport}, the documented shape; a test keeps the two equal).
 */
public interface SubjectExportSection {

    /** The member of the export document, e.g. {@code purchases}. */
    String name();

    /** Where the section goes: customer 0, purchases 10, complaints 20, interactions 30; new ones after. */
    int order();

    /**
     * Writes the section's value (one object, or an array) for an existing, unerased customer. Runs in
     * a read-only transaction. Large sets are read in bounded pages, with {@link SubjectExportWriter#pageWritten()}
     * after each, so memory stays flat however long the history is.
     */
    void write(UUID customerId, SubjectExportWriter out) throws IOException;
}
