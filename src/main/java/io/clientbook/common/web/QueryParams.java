package io.clientbook.common.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import io.clientbook.common.StorableText;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;

/** Parses query parameters so that a bad one is a 400 naming it, not a 404 or a 500. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        requireStorable(value, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String value, String name) {
        requireStorable(value, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(name, "must be a UUID");
        }
    }

    public static Instant instant(String value, String name) {
        requireStorable(value, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null || !Timestamps.isAccepted(instant)) {
            throw ApiProblem.validation(name, "must be a timestamp with offset, e.g. 2026-11-23T10:15:30Z, in the "
                    + Timestamps.YEARS);
        }
        return instant;
    }

    public static String text(String value, String name, int maxLength) {
        // Checked before trimming, which would quietly drop a leading or trailing NUL.
        requireStorable(value, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiProblem.validation(name, "must be at most " + maxLength + " characters");
        }
        return value.trim();
    }

    /** A parameter with text the database cannot store (a NUL, say) is a 400 naming it, not a failed query. */
    public static void requireStorable(String value, String name) {
        String problem = StorableText.problem(value);
        if (problem != null) {
            throw ApiProblem.validation(name, problem);
        }
    }

    /** A path id: anything that is not a UUID names no resource, so it is a 404 like any unknown id. */
    public static UUID pathId(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(what, value);
        }
    }
}
