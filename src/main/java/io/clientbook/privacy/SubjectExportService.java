package io.clientbook.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.clientbook.audit.AuditAction;
import io.clientbook.audit.AuditTarget;
import io.clientbook.audit.AuditTrail;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.customer.CustomerService;

/**
 * The subject-access export: a customer's whole file as one JSON document, written section by
 * section ({@link SubjectExportSection}) straight onto the response, so a file with 100,000 purchases
 * needs no more memory than one with ten.
 * <p>
 * Two transactions on purpose: {@link #begin} checks the customer and commits the EXPORT audit entry
 * <em>before</em> a byte is sent (no file leaves unrecorded, even if the stream breaks later);
 * {@link #write} then reads everything in one repeatable-read, read-only snapshot, so the sections
 * agree with each other even while purchases keep arriving.
 */
@ApplicationScoped
public class SubjectExportService {

    @Inject
    CustomerService customers;
    @Inject
    AuditTrail audit;
    @Inject
    Instance<SubjectExportSection> sections;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /** 404 for an unknown or erased customer; otherwise records the export. */
    @Transactional
    public void begin(UUID customerId) {
        customers.get(customerId);
        audit.record(AuditAction.EXPORT, AuditTarget.customer(customerId, List.of()));
    }

    /** Writes the document; {@link #begin} must have been called for the customer. */
    @Transactional
    public void write(UUID customerId, OutputStream stream) {
        // The first statement of the transaction, as PostgreSQL requires: one snapshot for every section.
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
        List<SubjectExportSection> ordered = sections.stream().sorted(Comparator.comparingInt(SubjectExportSection::order))
                .toList();
        ObjectWriter values = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator out = json.getFactory().createGenerator(stream)) {
            out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            SubjectExportWriter writer = new SubjectExportWriter(out, values, em);
            out.writeStartObject();
            out.writeFieldName("exportedAt");
            writer.value(Timestamps.now());
            for (SubjectExportSection section : ordered) {
                out.writeFieldName(section.name());
                section.write(customerId, writer);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ApiProblem e) {
            // Erased between begin and write: the status is sent already, so a broken document is the only signal.
            throw new IllegalStateException("customer " + customerId + " vanished during its export", e);
        }
    }
}
