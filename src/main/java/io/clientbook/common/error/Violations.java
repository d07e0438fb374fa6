package io.clientbook.common.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/** Bean Validation results as field errors, for objects validated in services rather than at the resource. */
public final class Violations {

    private Violations() {
    }

    public static <T> List<FieldError> toFieldErrors(Set<ConstraintViolation<T>> violations, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : violations) {
            String field = ProblemMappers.fieldOf(v.getPropertyPath());
            errors.add(new FieldError(prefix == null || prefix.isEmpty() ? field : prefix + "." + field, v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** Throws a 400 listing every error, if there is any. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }
}
