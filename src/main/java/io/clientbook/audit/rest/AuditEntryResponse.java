package io.clientbook.audit.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.audit.AuditAction;
import io.clientbook.audit.AuditEntry;

/** One line of the audit trail as clients read it. */
@Schema(name = "AuditEntry", description = "Who did what to which resource, when and from where; field names, never values")
public record AuditEntryResponse(
        @Schema(examples = "0b8e7f1c-5d2a-4c1e-9a57-3f6c2e1d0a11") UUID id,
        @Schema(examples = "2026-11-23T10:15:30.123456Z") Instant occurredAt,
        Actor actor,
        @Schema(description = "Peer address of the HTTP connection (a forwarded one only when the proxy settings "
                + "say so); null for jobs", examples = "10.0.4.17") String remoteAddress,
        AuditAction action,
        @Schema(description = "customer, purchase, complaint, interaction, api-key, …", examples = "customer")
        String resourceType,
        @Schema(examples = "6f1c1a52-9d7e-4d47-8f0a-2b1e3c4d5e6f") String resourceId,
        @Schema(description = "The customer the resource belongs to; null for resources of no customer")
        UUID customerId,
        @Schema(description = "JSON names of the fields created or changed; empty for reads and exports",
                examples = "[\"email\", \"buyingStage\"]") List<String> changedFields,
        @Schema(description = "The request's X-Request-Id, if it sent one") String requestId) {

    @Schema(name = "AuditActor", description = "The API key that acted (its name at the time), or a job")
    public record Actor(
            @Schema(description = "API key id; 'bootstrap' for the configured admin key, 'job:<name>' for a job",
                    examples = "3c9d0e4b-1f2a-4b5c-8d6e-7f8a9b0c1d2e") String keyId,
            @Schema(examples = "j.smith") String name,
            @Schema(description = "admin, agent, integration, analyst, or job", examples = "agent") String role) {
    }

    public static AuditEntryResponse of(AuditEntry e) {
        return new AuditEntryResponse(e.id, e.occurredAt, new Actor(e.actorKeyId, e.actorName, e.actorRole),
                e.remoteAddress, e.action, e.resourceType, e.resourceId, e.customerId, Arrays.asList(e.changedFields),
                e.requestId);
    }
}
