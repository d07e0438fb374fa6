package io.clientbook.common.web;

import io.clientbook.common.error.ApiProblem;

/** Strong entity tags from a row version, and the If-Match check of RFC 9110. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Passes when If-Match is absent, is {@code *}, or lists the current tag (strong comparison); otherwise 412.
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ApiProblem.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current ETag " + current)
                .withHeader("ETag", current);
    }
}
