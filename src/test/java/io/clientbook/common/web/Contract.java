package io.clientbook.common.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The published {@code openapi.yaml} as the bad-input battery reads it: operations, their
 * parameters and request bodies, with {@code $ref}s resolved. OpenApiContractTest keeps the file
 * equal to what the service serves, so reading the file is reading the service.
 */
final class Contract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode root;

    private Contract(JsonNode root) {
        this.root = root;
    }

    static Contract read(Path file) {
        try {
            return new Contract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation whose path starts with {@code prefix}, in the order of the document. */
    List<Operation> operations(String prefix) {
        List<Operation> operations = new ArrayList<>();
        root.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith(prefix)) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(this, op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            });
        });
        return operations;
    }

    /** The schema with its {@code $ref} (recursively) merged in; the referring node's own keywords win. */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return schema;
        }
        String ref = schema.get("$ref").asText();
        JsonNode target = root.at(ref.substring(1));
        ObjectNode merged = resolve(target).deepCopy();
        schema.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("$ref")) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    /** The properties of an object schema, each resolved, in declaration order. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode declared = resolve(schema).get("properties");
        if (declared != null) {
            declared.fields().forEachRemaining(p -> properties.put(p.getKey(), resolve(p.getValue())));
        }
        return properties;
    }

    /** What a value of this (resolved) schema is, as far as building wrong values goes. */
    enum Kind {
        STRING, ENUM, UUID, DATE, DATE_TIME, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT,
        /** No type: the contract takes several shapes here (a filter's {@code value}, {@code count}, {@code sum}). */
        ANY;

        static Kind of(JsonNode schema) {
            if (schema == null) {
                return ANY;
            }
            if (schema.has("enum")) {
                return ENUM;
            }
            String format = schema.path("format").asText("");
            String type = schema.path("type").asText("");
            if (type.equals("string")) {
                return switch (format) {
                    case "uuid" -> UUID;
                    case "date" -> DATE;
                    case "date-time" -> DATE_TIME;
                    default -> STRING;
                };
            }
            return switch (type) {
                case "integer" -> INTEGER;
                case "number" -> NUMBER;
                case "boolean" -> BOOLEAN;
                case "array" -> ARRAY;
                case "object" -> OBJECT;
                default -> schema.has("properties") || schema.has("additionalProperties") ? OBJECT : ANY;
            };
        }
    }

    record Param(String name, String in, JsonNode schema, Kind kind) {
    }

    record Body(String mediaType, List<String> mediaTypes, boolean required, JsonNode schema, JsonNode example) {
    }

    record Operation(Contract contract, String method, String template, JsonNode node) {

        List<Param> parameters(String in) {
            List<Param> params = new ArrayList<>();
            for (JsonNode p : node.path("parameters")) {
                if (p.path("in").asText().equals(in)) {
                    JsonNode schema = contract.resolve(p.get("schema"));
                    params.add(new Param(p.get("name").asText(), in, schema, Kind.of(schema)));
                }
            }
            return params;
        }

        Optional<Body> body() {
            JsonNode body = node.get("requestBody");
            if (body == null) {
                return Optional.empty();
            }
            List<String> types = new ArrayList<>();
            body.get("content").fieldNames().forEachRemaining(types::add);
            JsonNode content = body.get("content").get(types.get(0));
            JsonNode example = null;
            Iterator<JsonNode> examples = content.path("examples").elements();
            if (examples.hasNext()) {
                example = examples.next().get("value");
            }
            return Optional.of(new Body(types.get(0), types, body.path("required").asBoolean(false),
                    contract.resolve(content.get("schema")), example));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }
}
