package io.clientbook.common.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.ProblemMappers;
import io.clientbook.common.error.Violations;

/** JSON Merge Patch (RFC 7396): members of the patch replace, {@code null} removes, objects merge recursively. */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** A merge-patch (or upsert) body must be a JSON object. */
    public static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
    }

    /** Naming a field the client may read but not write is a 400 naming it, not silently ignored. */
    public static void rejectReadOnly(JsonNode body, Set<String> readOnly) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (readOnly.contains(name)) {
                errors.add(new FieldError(name, "is read-only"));
            }
        });
        Violations.throwIfAny(errors);
    }

    /** Reads a (merged) document as the writable-fields record; type errors are 400s naming the field. */
    public static <T> T read(ObjectMapper json, JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.JsonProblems.of(e);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("body", "could not be read");
        }
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
