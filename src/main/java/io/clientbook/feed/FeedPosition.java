package io.clientbook.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.clientbook.common.error.ApiProblem;

/**
 * A position in the feed: the writing transaction's id and the event's sequence number. The feed is
 * ordered by (txId, seq); a cursor names the last event read, and reading resumes after it.
 * Clients see it as an opaque base64url string.
 */
public record FeedPosition(long txId, long seq) implements Comparable<FeedPosition> {

    /** Before every event. */
    public static final FeedPosition START = new FeedPosition(0, 0);

    private static final String PREFIX = "feed1:";

    /**
     * The position right after every event of transactions older than {@code horizon} (a snapshot
     * xmin): all of those have finished, so nothing can appear before this position any more.
     */
    public static FeedPosition before(long horizon) {
        return new FeedPosition(horizon - 1, Long.MAX_VALUE);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + txId + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; null or blank is the start; anything else is a 400 naming {@code field}. */
    public static FeedPosition decode(String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw invalid(field);
            }
            String[] parts = raw.substring(PREFIX.length()).split(":", -1);
            if (parts.length != 2) {
                throw invalid(field);
            }
            long txId = Long.parseLong(parts[0]);
            long seq = Long.parseLong(parts[1]);
            if (txId < 0 || seq < 0) {
                throw invalid(field);
            }
            return new FeedPosition(txId, seq);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
    }

    private static ApiProblem invalid(String field) {
        return ApiProblem.validation(field, "is not a cursor of the event feed; use a nextCursor the feed returned, or leave it out to start from the beginning");
    }

    @Override
    public int compareTo(FeedPosition other) {
        int byTx = Long.compare(txId, other.txId);
        return byTx != 0 ? byTx : Long.compare(seq, other.seq);
    }
}
