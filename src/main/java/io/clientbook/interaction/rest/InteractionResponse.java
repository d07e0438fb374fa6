package io.clientbook.interaction.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.clientbook.customer.ContactChannel;
import io.clientbook.interaction.Direction;
import io.clientbook.interaction.Interaction;

/** An entry of the contact log as clients read it. */
@Schema(name = "Interaction")
public record InteractionResponse(
        @Schema(readOnly = true) UUID id,
        @Schema(readOnly = true) UUID customerId,
        ContactChannel channel,
        Direction direction,
        Instant occurredAt,
        String summary,
        String outcome,
        @Schema(readOnly = true, description = "Name of the API key (or job) that wrote the entry", examples = "j.smith")
        String recordedBy,
        @Schema(readOnly = true) Instant createdAt) {

    public static InteractionResponse of(Interaction i) {
        return new InteractionResponse(i.id, i.customerId, i.channel, i.direction, i.occurredAt, i.summary, i.outcome,
                i.recordedBy, i.createdAt);
    }
}
