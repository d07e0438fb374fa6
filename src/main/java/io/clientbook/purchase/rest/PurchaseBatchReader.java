package io.clientbook.purchase.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.ProblemMappers;
import io.clientbook.purchase.PurchaseFields;
import io.clientbook.purchase.PurchaseService;

/**
 * Reads a batch body leniently: the envelope strictly (malformed JSON, a missing or oversized
 * {@code purchases}, unknown members are a 400 for the whole request), but each item on its own, so
 * a wrong type or unknown property in one item becomes that item's error with its path.
 */
@ApplicationScoped
public class PurchaseBatchReader {

    @Inject
    ObjectMapper json;

    /** Floats as BigDecimal: read as doubles, an amount like 12.0000000000000001 would silently pass as 12. */
    private ObjectReader treeReader;

    @PostConstruct
    void init() {
        treeReader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The parsed body: the tree (the Idempotency-Key fingerprint) and its items. */
    public record Batch(JsonNode body, List<PurchaseService.BatchItem> items) {
    }

    public Batch read(InputStream body) throws IOException {
        JsonNode root = body == null ? null : treeReader.readTree(body);
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw ApiProblem.validation("body", "must be a JSON object with a member 'purchases'");
        }
        List<FieldError> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!"purchases".equals(name)) {
                unknown.add(new FieldError(name, "unknown property"));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiProblem.validation(unknown);
        }
        JsonNode purchases = root.get("purchases");
        if (purchases == null || purchases.isNull()) {
            throw ApiProblem.validation("purchases", "is required");
        }
        if (!purchases.isArray()) {
            throw ApiProblem.validation("purchases", "must be an array");
        }
        PurchaseService.checkBatchSize(purchases.size());
        List<PurchaseService.BatchItem> items = new ArrayList<>(purchases.size());
        for (int i = 0; i < purchases.size(); i++) {
            items.add(item(purchases.get(i), "purchases[" + i + "]"));
        }
        return new Batch(root, items);
    }

    private PurchaseService.BatchItem item(JsonNode node, String path) {
        if (!node.isObject()) {
            return PurchaseService.BatchItem.unreadable(ApiProblem.validation(path, "must be a JSON object"));
        }
        try {
            return PurchaseService.BatchItem.of(json.treeToValue(node, PurchaseFields.class));
        } catch (JsonProcessingException e) {
            return PurchaseService.BatchItem.unreadable(prefixed(ProblemMappers.JsonProblems.of(e), path));
        } catch (IllegalArgumentException e) {
            return PurchaseService.BatchItem.unreadable(ApiProblem.validation(path, "could not be read"));
        }
    }

    /** The same problem with its fields named from the root of the batch. */
    private static ApiProblem prefixed(ApiProblem problem, String path) {
        if (problem.errors().isEmpty()) {
            return ApiProblem.validation(path, problem.getMessage());
        }
        return ApiProblem.validation(problem.errors().stream()
                .map(e -> new FieldError(e.field().isEmpty() || "body".equals(e.field()) ? path : path + "." + e.field(),
                        e.message()))
                .toList());
    }
}
