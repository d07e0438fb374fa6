package io.clientbook.feed.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EventPage", description = "A page of the feed, in feed order")
public record EventPage(List<EventResponse> items,
        @Schema(required = true, description = "Where to continue: pass it as `after`. Never null: the feed has no last "
                + "page. When nothing is new it equals the `after` given, so poll with it.",
                examples = "ZmVlZDE6MTIzNDU6Njc4OQ") String nextCursor) {
}
