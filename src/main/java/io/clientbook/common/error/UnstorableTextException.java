package io.clientbook.common.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string in a request body that cannot be stored as text (see
 * {@link io.clientbook.common.StorableText}). Raised while the body is read, so Jackson adds the
 * path and the 400 names the field.
 */
public final class UnstorableTextException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    public UnstorableTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
    }
}
