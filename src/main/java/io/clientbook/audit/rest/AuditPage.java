package io.clientbook.audit.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage", description = "A page of audit entries, newest first")
public record AuditPage(List<AuditEntryResponse> items,
        @Schema(description = "Cursor of the next page; null on the last") String nextCursor) {
}
