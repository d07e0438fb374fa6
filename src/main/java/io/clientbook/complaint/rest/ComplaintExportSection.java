package io.clientbook.complaint.rest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.complaint.Complaint;
import io.clientbook.complaint.ComplaintListQuery;
import io.clientbook.complaint.ComplaintRepository;
import io.clientbook.privacy.SubjectExportSection;
import io.clientbook.privacy.SubjectExportWriter;

/** Every complaint of the customer, newest first, read in keyset pages. */
@ApplicationScoped
public class ComplaintExportSection implements SubjectExportSection {

    @Inject
    ComplaintRepository complaints;

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void write(UUID customerId, SubjectExportWriter out) throws IOException {
        ComplaintListQuery query = new ComplaintListQuery(null, customerId, null);
        out.startArray();
        Instant afterAt = null;
        UUID afterId = null;
        List<Complaint> page;
        do {
            page = complaints.page(query, afterAt, afterId, SubjectExportWriter.PAGE_SIZE);
            for (Complaint c : page) {
                out.value(ComplaintResponse.of(c));
            }
            if (!page.isEmpty()) {
                afterAt = page.get(page.size() - 1).createdAt;
                afterId = page.get(page.size() - 1).id;
            }
            out.pageWritten();
        } while (page.size() == SubjectExportWriter.PAGE_SIZE);
        out.endArray();
    }
}
