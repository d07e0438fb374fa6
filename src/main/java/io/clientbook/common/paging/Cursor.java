package io.clientbook.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import io.clientbook.common.StorableText;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;

/**
 * An opaque keyset cursor: the sort it belongs to, the sort value of the last row and its id.
 * Opaque to clients (base64url), but not secret: it only names a position.
 */
public record Cursor(String sort, String value, UUID id) {

    private static final char SEP = '\u001f';

    public String encode() {
        String raw = sort + SEP + (value == null ? "" : value) + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor issued for {@code expectedSort}; anything else is a 400 on {@code cursor}. */
    public static Cursor decode(String cursor, String expectedSort) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), -1);
            // A cursor this service issued never holds text the database cannot take; a forged one may.
            if (parts.length != 3 || !parts[0].equals(expectedSort) || StorableText.problem(parts[1]) != null) {
                throw invalid();
            }
            return new Cursor(parts[0], parts[1], UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The sort value as a timestamp, for lists sorted by one; anything else is a tampered cursor. */
    public java.time.Instant instantValue() {
        java.time.Instant instant;
        try {
            instant = java.time.Instant.parse(value);
        } catch (RuntimeException e) {
            throw invalid();
        }
        if (!Timestamps.isAccepted(instant)) {
            throw invalid();
        }
        return instant;
    }

    public static ApiProblem invalid() {
        return ApiProblem.validation("cursor", "is not a cursor of this list (with this sort); start again without one");
    }
}
