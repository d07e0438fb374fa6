package io.clientbook.interaction.rest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.interaction.Interaction;
import io.clientbook.interaction.InteractionRepository;
import io.clientbook.privacy.SubjectExportSection;
import io.clientbook.privacy.SubjectExportWriter;

/** The customer's whole contact log, newest first, read in keyset pages. */
@ApplicationScoped
public class InteractionExportSection implements SubjectExportSection {

    @Inject
    InteractionRepository interactions;

    @Override
    public String name() {
        return "interactions";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void write(UUID customerId, SubjectExportWriter out) throws IOException {
        out.startArray();
        Instant afterAt = null;
        UUID afterId = null;
        List<Interaction> page;
        do {
            page = interactions.page(customerId, null, null, afterAt, afterId, SubjectExportWriter.PAGE_SIZE);
            for (Interaction i : page) {
                out.value(InteractionResponse.of(i));
            }
            if (!page.isEmpty()) {
                afterAt = page.get(page.size() - 1).occurredAt;
                afterId = page.get(page.size() - 1).id;
            }
            out.pageWritten();
        } while (page.size() == SubjectExportWriter.PAGE_SIZE);
        out.endArray();
    }
}
