package io.clientbook.purchase.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.ProblemMappers;
import io.clientbook.purchase.PurchaseFields;
import io.clientbook.purchase.PurchaseService;

/**
 * Reads a batch body leniently: the envelope strictly (malformed JSON, a missing or oversized
 * {@code purchases}, unknown members are a 400 for the whole request), but each item on its own, so
 * a wrong type or unknown property in one item becomes that item's error with its path.
 * <p>
 * The body is read as it streams in, one item at a time: each item becomes its fields as soon as it
 * has been read, and its JSON is dropped then unless the request is to be fingerprinted for an
 * Idempotency-Key. Items past the batch limit are only counted, never built.
 */
@ApplicationScoped
public class PurchaseBatchReader {

    private static final String PURCHASES = "purchases";

    @Inject
    ObjectMapper json;

    /** Floats as BigDecimal: read as doubles, an amount like 12.0000000000000001 would silently pass as 12. */
    private ObjectReader treeReader;
    /** Reads one value in the middle of the body: what follows it is the rest of the batch, not trailing content. */
    private ObjectReader valueReader;

    @PostConstruct
    void init() {
        treeReader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        valueReader = treeReader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The parsed body: its items, and its tree when it was kept (the Idempotency-Key fingerprint), else null. */
    public record Batch(JsonNode body, List<PurchaseService.BatchItem> items) {
    }

    /** Reads the batch; with {@code keepBody} the whole body is also kept as a tree, as a fingerprint needs it. */
    public Batch read(InputStream body, boolean keepBody) throws IOException {
        if (body == null) {
            throw notABatch();
        }
        try (JsonParser parser = treeReader.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notABatch();
            }
            ObjectNode kept = keepBody ? json.getNodeFactory().objectNode() : null;
            List<FieldError> unknown = new ArrayList<>();
            JsonToken purchases = null;
            List<PurchaseService.BatchItem> items = new ArrayList<>();
            int count = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!PURCHASES.equals(name)) {
                    unknown.add(new FieldError(name, "unknown property"));
                    keepOrSkip(parser, kept, name);
                    continue;
                }
                // A repeated member counts as its last occurrence, as a tree reader has it.
                purchases = value;
                items = new ArrayList<>();
                count = 0;
                if (value != JsonToken.START_ARRAY) {
                    keepOrSkip(parser, kept, name);
                    continue;
                }
                ArrayNode keptItems = kept == null ? null : kept.putArray(name);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    count++;
                    if (count > PurchaseService.MAX_BATCH_SIZE) {
                        parser.skipChildren();
                        continue;
                    }
                    JsonNode node = valueReader.readTree(parser);
                    if (node == null) {
                        node = NullNode.getInstance();
                    }
                    items.add(item(node, PURCHASES + "[" + (count - 1) + "]"));
                    if (keptItems != null) {
                        keptItems.add(node);
                    }
                }
            }
            if (!unknown.isEmpty()) {
                throw ApiProblem.validation(unknown);
            }
            if (purchases == null || purchases == JsonToken.VALUE_NULL) {
                throw ApiProblem.validation(PURCHASES, "is required");
            }
            if (purchases != JsonToken.START_ARRAY) {
                throw ApiProblem.validation(PURCHASES, "must be an array");
            }
            PurchaseService.checkBatchSize(count);
            if (treeReader.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) && parser.nextToken() != null) {
                throw MismatchedInputException.from(parser, JsonNode.class, "Trailing token (of type " + parser.currentToken()
                        + ") found after the batch");
            }
            return new Batch(kept, items);
        }
    }

    private void keepOrSkip(JsonParser parser, ObjectNode kept, String name) throws IOException {
        if (kept != null) {
            kept.set(name, valueReader.readTree(parser));
        } else {
            parser.skipChildren();
        }
    }

    private static ApiProblem notABatch() {
        return ApiProblem.validation("body", "must be a JSON object with a member 'purchases'");
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
