package io.clientbook.common.error;

/** One wrong part of a request: {@code field} is a JSON path ({@code consent.EMAIL.at}, {@code tags[2]}) or a parameter name. */
public record FieldError(String field, String message) {
}
