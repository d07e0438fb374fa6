package io.clientbook.purchase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;

/** The problems only purchases raise, each naming the request field it is about. */
final class PurchaseProblems {

    private PurchaseProblems() {
    }

    static ApiProblem unknownCustomer(String field, Object value) {
        return new ApiProblem(422, "unknown-customer", "Unknown customer",
                "No customer with " + leaf(field) + " '" + value + "'", List.of(new FieldError(field, "names no customer")));
    }

    static ApiProblem customerErased(String field, UUID customerId) {
        return new ApiProblem(422, "customer-erased", "Customer erased",
                "Customer " + customerId + " was erased; it cannot receive purchases",
                List.of(new FieldError(field, "names an erased customer")));
    }

    static ApiProblem currencyNotAccepted(String field, String given, String accepted) {
        return new ApiProblem(422, "currency-not-accepted", "Currency not accepted",
                "This deployment books purchases in " + accepted + " only, not " + given,
                List.of(new FieldError(field, "must be " + accepted)));
    }

    /**
     * The externalId is already recorded with other content. {@code differences} maps request field
     * names to the stored values; {@code prefix} is the item's path in a batch ("" for a single one).
     */
    static ApiProblem conflict(String prefix, String externalId, UUID existingId, Map<String, String> differences) {
        List<FieldError> errors = new ArrayList<>();
        differences.forEach((field, stored) -> errors.add(new FieldError(path(prefix, field),
                "differs from the stored purchase (" + (stored == null ? "none" : stored) + ")")));
        return new ApiProblem(409, "purchase-conflict", "Purchase conflicts with a stored one",
                "externalId '" + externalId + "' is already recorded with a different "
                        + String.join(", ", differences.keySet()) + "; send a new externalId for a new purchase",
                errors).with("existingId", existingId.toString());
    }

    static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
