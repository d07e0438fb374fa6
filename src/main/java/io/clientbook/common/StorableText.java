package io.clientbook.common;

/**
 * Text the database can store and compare exactly as it was sent. PostgreSQL's text cannot hold a
 * NUL character (the statement fails), and an unpaired UTF-16 surrogate is not Unicode at all (the
 * driver would quietly store a '?'): both are bad input, answered 400 where they arrive, never a 500
 * or a silently changed value.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or null when it can (null text included). */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode: it contains an unpaired surrogate";
            }
        }
        return null;
    }
}
