package io.clientbook.feed.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.clientbook.feed.FeedEvent;

@Schema(name = "Event", description = "Something that happened to a customer's file. Data never holds personal data "
        + "(names, e-mail, phone, birth date, notes or other free text), for any role.")
@JsonPropertyOrder({ "id", "type", "occurredAt", "subject", "data" })
public record EventResponse(
        @Schema(description = "Unique event id; the same in the feed and in every webhook delivery, for de-duplication",
                examples = "3f0e4c1a-6b2d-4e8f-9a1c-7d5e2b9f0a41") UUID id,
        @Schema(description = "Event type", examples = "purchase.recorded") String type,
        @Schema(description = "When the change was made; the feed's order is by writing transaction, so times need not rise through it",
                examples = "2026-11-23T10:15:30Z") Instant occurredAt,
        @Schema(description = "Id of the customer the event is about", examples = "0b9f6c4e-2f4e-4a4a-9c9c-5d2b1e7f3a10") UUID subject,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "Type-specific data: ids, codes, amounts, changed field names",
                examples = "{\"purchaseId\": \"9a2b7c1d-3e4f-4a5b-8c6d-7e8f9a0b1c2d\", \"externalId\": \"order-1\", "
                        + "\"occurredAt\": \"2026-11-20T10:00:00Z\", \"amount\": 129.9, \"currency\": \"EUR\", "
                        + "\"product\": \"Desk lamp\", \"channel\": \"ONLINE\"}") String data) {

    public static EventResponse of(FeedEvent e) {
        return new EventResponse(e.id(), e.type(), e.occurredAt(), e.subject(), e.data());
    }
}
