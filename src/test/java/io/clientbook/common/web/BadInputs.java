package io.clientbook.common.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.clientbook.common.web.Contract.Body;
import io.clientbook.common.web.Contract.Kind;
import io.clientbook.common.web.Contract.Operation;
import io.clientbook.common.web.Contract.Param;

/**
 * Generates the bad requests for one operation of the contract, from its parameters and request
 * schema alone, so an operation added later is covered without anyone listing it. Each request has
 * exactly one thing wrong; everything else is valid and names existing records (the fixtures), so
 * that what answers is the check of the bad part and not a 404 for something else.
 *
 * <p>Every case must answer 4xx problem+json ({@link Expect#strict}), and a field-level case must
 * name its field in {@code errors[]}. The exception ({@link Expect#tolerant}) is text that is odd but
 * legal where the contract takes any text — an apostrophe or {@code '; DROP TABLE customer;--} as a
 * name to search for is a valid search, so it may answer 200; it must still never answer 5xx, and
 * the battery's fingerprint shows it wrote nothing.
 */
final class BadInputs {

    /** Bodies are written with non-ASCII escaped, so lone surrogates and NUL travel as JSON escapes, as a hostile client sends them. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int DEEP = 10_000;
    private static final int HUGE_ARRAY = 100_000;
    private static final String MEGABYTE = "x".repeat(1024 * 1024);

    /** What must come back: strictly a 4xx (naming {@code field} when given), or merely not a 5xx. */
    record Expect(boolean strict, String field) {
        static Expect strict(String field) {
            return new Expect(true, field);
        }

        static Expect tolerant() {
            return new Expect(false, null);
        }
    }

    /** One request, already encoded: {@code target} is path and query as sent; the body is built when sent. */
    record BadInput(String name, String method, String target, Map<String, String> headers, String contentType,
            Supplier<byte[]> body, Expect expect) {
        @Override
        public String toString() {
            return method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target) + " [" + name + "]";
        }
    }

    /** A value for a URL, with a printable label (test names must stay printable) and its encoded form. */
    record Encoded(String label, String encoded) {
    }

    /** Text with a printable label. */
    record Text(String label, String value) {
    }

    static Encoded enc(String label, String value) {
        return new Encoded(label, URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static Encoded raw(String label, String encoded) {
        return new Encoded(label, encoded);
    }

    /** Odd but legal text: where any text is taken, it is searched for like any other. */
    static final List<Text> ODD_TEXT = List.of(
            new Text("apostrophe", "O'Brien'"),
            new Text("SQL injection", "'; DROP TABLE customer;--"),
            new Text("SQL tautology", "%' OR '1'='1"),
            new Text("LIKE wildcards, backslash and percent-encoded NUL as text", "_%\\%00"),
            new Text("path traversal and non-ASCII", "../../../../etc/passwd Zoë 北京 😀"));

    /** Text no field may take: the database cannot store NUL, and an unpaired surrogate is not Unicode. */
    static final List<Text> UNSTORABLE_TEXT = List.of(
            new Text("NUL byte", "a\u0000b"),
            new Text("unpaired surrogates", "\udc00a\ud800"));

    /** Times Java reads but no database column holds, and an offset PostgreSQL does not take. */
    static final List<Text> EXTREME_DATES = List.of(
            new Text("year 999999999", "+999999999-12-31"),
            new Text("year -999999999", "-999999999-01-01"));
    static final List<Text> EXTREME_TIMESTAMPS = List.of(
            new Text("year 999999999", "+999999999-12-31T23:59:59Z"),
            new Text("year -999999999", "-999999999-01-01T00:00:00Z"));

    static final List<Encoded> HOSTILE_PATH = List.of(
            enc("NUL byte", "\u0000"),
            enc("percent-encoded NUL as text", "%00"),
            enc("SQL injection", "'; DROP TABLE customer;--"),
            enc("encoded path traversal", "../../../../etc/passwd"),
            enc("2,000 characters", "x".repeat(2000)),
            raw("invalid UTF-8 and an encoded lone surrogate", "%FF%FE%ED%A0%80"));

    static final List<Encoded> BAD_IDS = List.of(
            enc("not a UUID", "not-a-uuid"),
            enc("UUID with a bad digit", "6f1c1a52-0000-4000-8000-00000000000g"),
            enc("UUID with a suffix", "6f1c1a52-0000-4000-8000-000000000000x"),
            enc("unknown UUID", "6f1c1a52-0000-4000-8000-00000000dead"));

    /**
     * Cases the contract answers with a success, and why. Everything else generated here must be a 4xx.
     */
    static final Map<String, String> ANSWERED_IN_A_SUCCESS = Map.of(
            "POST /api/v1/purchases/batch purchases: an item that is a string",
            "a batch answers each bad item as an ERROR result of its 200, so that one bad item never sinks the others");

    private final Operation op;
    private final Fixtures fixtures;
    private final List<BadInput> cases = new ArrayList<>();
    private final Map<String, String> validPath = new LinkedHashMap<>();

    /** The records bad requests point at, so that only the bad part is wrong. */
    interface Fixtures {
        /** A valid value for the path parameter {@code param} of {@code template}, or null when none is known. */
        String pathValue(String template, String param);

        /** A valid value for a body property that must name an existing record, or null. */
        String propertyValue(String template, String property);
    }

    private BadInputs(Operation op, Fixtures fixtures) {
        this.op = op;
        this.fixtures = fixtures;
    }

    static List<BadInput> of(Operation op, Fixtures fixtures) {
        BadInputs generator = new BadInputs(op, fixtures);
        generator.generate();
        return generator.cases;
    }

    private void generate() {
        List<Param> pathParams = op.parameters("path");
        List<Param> queryParams = op.parameters("query");
        boolean ifMatch = op.parameters("header").stream().anyMatch(p -> p.name().equals("If-Match"));
        Body body = op.body().orElse(null);
        List<String> missing = new ArrayList<>();
        for (Param p : pathParams) {
            String value = fixtures.pathValue(op.template(), p.name());
            if (value == null) {
                missing.add(p.name());
                value = UUID.randomUUID().toString();
            }
            validPath.put(p.name(), value);
        }
        if (!missing.isEmpty() && (body != null || !queryParams.isEmpty() || ifMatch)) {
            // Without an existing record, every other bad part would be answered by a 404 for the record.
            throw new IllegalStateException("No existing record for the path parameters " + missing + " of " + op
                    + ": add one to BadInputBatteryTest.Fixtures");
        }
        ObjectNode base = body == null ? null : baseBody(body);
        for (Param p : pathParams) {
            pathCases(p, body, base);
        }
        if (body != null) {
            bodyCases(body, base);
        }
        for (Param p : queryParams) {
            queryCases(p);
        }
        if (ifMatch) {
            for (Text tag : List.of(new Text("stale ETag", "\"999999\""), new Text("not an ETag", "garbage"),
                    new Text("weak ETag", "W/\"1\""))) {
                addWithBody("If-Match: " + tag.label(), path(Map.of()), Map.of("If-Match", tag.value()), body,
                        base == null ? null : text(base), Expect.strict(null));
            }
        }
    }

    // ---- path parameters -----------------------------------------------------------------

    private void pathCases(Param p, Body body, ObjectNode base) {
        List<Encoded> values = new ArrayList<>(HOSTILE_PATH);
        if (isUuid(validPath.get(p.name()))) {
            values.addAll(0, BAD_IDS);
        }
        for (Encoded v : values) {
            addWithBody("path " + p.name() + ": " + v.label(), path(Map.of(p.name(), v.encoded())), Map.of(), body,
                    base == null ? null : text(base), Expect.strict(null));
        }
    }

    // ---- request bodies -----------------------------------------------------------------------

    private void bodyCases(Body body, ObjectNode base) {
        String target = path(Map.of());
        boolean patch = body.mediaType().equals(MERGE_PATCH);
        String baseText = text(base);

        // Not JSON, or JSON that is not the expected document.
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("truncated", "{\"" + firstKey(base) + "\": ");
        malformed.put("single quotes", "{'" + firstKey(base) + "': 1}");
        malformed.put("trailing comma", baseText.substring(0, baseText.length() - 1) + ",}");
        malformed.put("trailing garbage", baseText + " garbage");
        malformed.put("two documents", baseText + baseText);
        malformed.put("NaN", "{\"" + firstKey(base) + "\": NaN}");
        malformed.put("XML", "<" + firstKey(base) + ">1</" + firstKey(base) + ">");
        malformed.put("a JSON array", "[]");
        malformed.put("a JSON string", "\"x\"");
        malformed.put("duplicate key", "{\"" + firstKey(base) + "\": " + base.get(firstKey(base)) + ", " + baseText.substring(1));
        if (body.required()) {
            // A body the contract marks optional may be left out or null (POST /purchases/{id}/void).
            malformed.put("empty body", "");
            malformed.put("JSON null", "null");
        }
        malformed.forEach((label, raw) -> add("malformed JSON: " + label, target, Map.of(), body.mediaType(),
                raw.getBytes(StandardCharsets.UTF_8), Expect.strict(null)));
        byte[] invalidUtf8 = ("{\"" + firstKey(base) + "\": \"\u00ff\"}").getBytes(StandardCharsets.ISO_8859_1);
        add("malformed JSON: invalid UTF-8", target, Map.of(), body.mediaType(), invalidUtf8, Expect.strict(null));

        // Deep nesting, as the whole body and inside every object-valued property.
        add("deep nesting: " + DEEP + " arrays", target, Map.of(), body.mediaType(),
                ("[".repeat(DEEP) + "]".repeat(DEEP)).getBytes(StandardCharsets.UTF_8), Expect.strict(null));
        add("deep nesting: " + DEEP + " objects", target, Map.of(), body.mediaType(),
                ("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)).getBytes(StandardCharsets.UTF_8), Expect.strict(null));

        // The wrong media type, with a body that would otherwise be taken.
        List<String> wrongTypes = new ArrayList<>(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded"));
        wrongTypes.add(patch ? "application/json" : MERGE_PATCH);
        wrongTypes.removeAll(body.mediaTypes());
        for (String type : wrongTypes) {
            add("Content-Type " + type, target, Map.of(), type, baseText.getBytes(StandardCharsets.UTF_8), Expect.strict(null));
        }
        add("body over the size limit (3 MB)", target, Map.of(), body.mediaType(),
                () -> bytes(with(patch ? F.objectNode() : base, firstKey(base), F.textNode("x".repeat(3 * 1024 * 1024)))),
                Expect.strict(null));

        // Unknown members.
        ObjectNode start = patch ? F.objectNode() : base;
        add("unknown field", target, Map.of(), body.mediaType(), bytes(with(start, "unknownField", F.numberNode(1))),
                Expect.strict("unknownField"));
        for (Text name : List.of(new Text("NUL byte and a lone surrogate", "\u0000\ud800"),
                new Text("10,000 characters", "k".repeat(10_000)), new Text("SQL injection", "'; DROP TABLE customer;--"))) {
            add("unknown field named with " + name.label(), target, Map.of(), body.mediaType(),
                    bytes(with(start, name.value(), F.numberNode(1))), Expect.strict(null));
        }

        // Every property, one wrong value at a time.
        op.contract().properties(body.schema()).forEach((name, schema) -> propertyCases(body, start, name, schema));
    }

    private void propertyCases(Body body, ObjectNode start, String name, JsonNode schema) {
        String target = path(Map.of());
        Kind kind = Kind.of(schema);
        Map<String, Supplier<JsonNode>> bad = new LinkedHashMap<>();
        switch (kind) {
            case STRING -> {
                bad.put("a number", () -> F.numberNode(12345));
                bad.put("an object", () -> F.objectNode());
                if (schema.has("maxLength")) {
                    bad.put("maxLength + 1 characters", () -> F.textNode("x".repeat(schema.get("maxLength").asInt() + 1)));
                }
                bad.put("1 MB", () -> F.textNode(MEGABYTE));
                for (Text t : UNSTORABLE_TEXT) {
                    bad.put(t.label(), () -> F.textNode(t.value()));
                }
                if (name.equals("cursor")) {
                    badCursors().forEach(t -> bad.put("cursor " + t.label(), () -> F.textNode(t.value())));
                }
                if (name.equals("sort")) {
                    bad.put("unknown sort", () -> F.textNode("nonsense"));
                    bad.put("double minus", () -> F.textNode("--createdAt"));
                }
            }
            case ENUM -> {
                bad.put("an unknown value", () -> F.textNode("NOT_A_VALUE"));
                bad.put("a number", () -> F.numberNode(1));
                bad.put("an empty string", () -> F.textNode(""));
            }
            case UUID -> {
                bad.put("not a UUID", () -> F.textNode("not-a-uuid"));
                bad.put("a number", () -> F.numberNode(1));
            }
            case DATE -> {
                bad.put("a number", () -> F.numberNode(19880412));
                bad.put("day-month-year", () -> F.textNode("12/04/1988"));
                bad.put("February 30", () -> F.textNode("1988-02-30"));
                EXTREME_DATES.forEach(t -> bad.put(t.label(), () -> F.textNode(t.value())));
            }
            case DATE_TIME -> {
                bad.put("a number", () -> F.numberNode(1_700_000_000));
                bad.put("no offset", () -> F.textNode("2026-11-23T10:15:30"));
                EXTREME_TIMESTAMPS.forEach(t -> bad.put(t.label(), () -> F.textNode(t.value())));
            }
            case INTEGER -> {
                bad.put("a string", () -> F.textNode("1"));
                bad.put("a fraction", () -> F.numberNode(1.5));
                bad.put("beyond 64 bits", () -> F.numberNode(new BigInteger("99999999999999999999")));
                if ("int32".equals(schema.path("format").asText())) {
                    bad.put("beyond 32 bits", () -> F.numberNode(99_999_999_999L));
                }
                bounds(schema, bad);
                if (name.equals("limit")) {
                    bad.put("limit 0", () -> F.numberNode(0));
                    bad.put("limit 201", () -> F.numberNode(201));
                }
            }
            case NUMBER -> {
                bad.put("a string", () -> F.textNode("1"));
                bad.put("a boolean", () -> F.booleanNode(true));
                bad.put("1e400", () -> F.numberNode(new BigDecimal("1e400")));
                bad.put("1e-400", () -> F.numberNode(new BigDecimal("1e-400")));
                bounds(schema, bad);
                if (schema.has("multipleOf")) {
                    bad.put("not a multiple of " + schema.get("multipleOf").asText(),
                            () -> F.numberNode(schema.get("multipleOf").decimalValue().divide(BigDecimal.TEN)));
                }
            }
            case BOOLEAN -> {
                bad.put("a string", () -> F.textNode("true"));
                bad.put("a number", () -> F.numberNode(1));
            }
            case ARRAY -> {
                bad.put("a string", () -> F.textNode("x"));
                bad.put("an object", () -> F.objectNode());
                JsonNode items = op.contract().resolve(schema.get("items"));
                // Distinct items, so that a list the service de-duplicates is still over the bound.
                if (schema.has("maxItems")) {
                    bad.put("maxItems + 1 items", () -> distinct(items, schema.get("maxItems").asInt() + 1));
                }
                bad.put(HUGE_ARRAY + " items", () -> distinct(items, HUGE_ARRAY));
                Kind itemKind = Kind.of(items);
                if (itemKind == Kind.STRING || itemKind == Kind.ENUM) {
                    bad.put("an item that is a number", () -> F.arrayNode().add(1));
                    UNSTORABLE_TEXT.forEach(t -> bad.put("an item with " + t.label(), () -> F.arrayNode().add(t.value())));
                    bad.put("an item of 1 MB", () -> F.arrayNode().add(MEGABYTE));
                } else if (itemKind == Kind.OBJECT) {
                    bad.put("an item that is a string", () -> F.arrayNode().add("x"));
                }
            }
            case OBJECT -> {
                bad.put("a string", () -> F.textNode("x"));
                bad.put("an array", () -> F.arrayNode());
                JsonNode values = schema.get("additionalProperties");
                if (values != null && values.isObject()) {
                    bad.put("a map value of the wrong type", () -> F.objectNode().set("EMAIL", F.textNode("x")));
                }
                String deep = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
                add(name + ": " + DEEP + " levels deep", target, Map.of(), body.mediaType(),
                        withRaw(start, name, deep).getBytes(StandardCharsets.UTF_8), Expect.strict(null));
            }
            case ANY -> {
                // Untyped in the contract (a filter node's value, count, sum): several shapes are legal, so no shape is "wrong" here.
            }
        }
        bad.forEach((label, value) -> {
            String caseName = name + ": " + label;
            add(caseName, target, Map.of(), body.mediaType(), () -> bytes(with(start, name, value.get())),
                    ANSWERED_IN_A_SUCCESS.containsKey(op + " " + caseName) ? Expect.tolerant() : Expect.strict(name));
        });
        if (kind == Kind.INTEGER || kind == Kind.NUMBER) {
            // The JSON parser refuses a number this long while reading tokens, before any field is known: a 400 without errors[].
            add(name + ": 2,000 digits", target, Map.of(), body.mediaType(),
                    withRaw(start, name, "9".repeat(2000)).getBytes(StandardCharsets.UTF_8), Expect.strict(null));
        }
        if (name.equals("filter") && kind == Kind.OBJECT) {
            filterCases(body, start);
        }
    }

    private static void bounds(JsonNode schema, Map<String, Supplier<JsonNode>> bad) {
        if (schema.has("maximum")) {
            bad.put("above the maximum", () -> F.numberNode(schema.get("maximum").decimalValue().add(BigDecimal.ONE)));
        }
        if (schema.has("minimum")) {
            bad.put("below the minimum", () -> F.numberNode(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
        }
    }

    /** {@code count} different valid items of the schema (enumerations repeat their constants). */
    private static ArrayNode distinct(JsonNode items, int count) {
        ArrayNode array = F.arrayNode(count);
        JsonNode constants = items.get("enum");
        Kind kind = Kind.of(items);
        for (int i = 0; i < count; i++) {
            switch (kind) {
                case ENUM -> array.add(constants.get(i % constants.size()));
                case INTEGER, NUMBER -> array.add(i);
                case OBJECT -> array.add(F.objectNode());
                default -> array.add("x" + i);
            }
        }
        return array;
    }

    private JsonNode sampleItem(JsonNode items) {
        return switch (Kind.of(items)) {
            case ENUM -> items.get("enum").get(0);
            case INTEGER, NUMBER -> F.numberNode(1);
            case BOOLEAN -> F.booleanNode(true);
            case OBJECT -> F.objectNode();
            default -> F.textNode("x");
        };
    }

    // ---- segment filters ---------------------------------------------------------------------

    /** Where a filter carries client text, and the path its error must name. */
    private record Position(String label, Function<JsonNode, JsonNode> node, String errorPath, boolean anyText) {
    }

    private void filterCases(Body body, ObjectNode start) {
        String target = path(Map.of());
        // Operations that store the filter (saved segments) take odd text as a legal value and would store it: only text no
        // position may take is sent to them.
        boolean stores = !op.method().equals("POST") || !op.template().matches(".*/customers/(search|count)$");
        Position date = new Position("date value", v -> condition("birthDate", "eq", v), "filter.value", false);
        Position timestamp = new Position("timestamp value", v -> condition("createdAt", "gt", v), "filter.value", false);
        List<Position> positions = List.of(
                new Position("text value", v -> condition("lastName", "eq", v), "filter.value", true),
                new Position("contains value", v -> condition("notes", "contains", v), "filter.value", true),
                new Position("in-list value", v -> condition("city", "in", F.arrayNode().add(v)), "filter.value", true),
                new Position("tag value", v -> condition("tags", "eq", v), "filter.value", true),
                new Position("purchases product", v -> F.objectNode().set("purchases", F.objectNode().set("product", v)),
                        "filter.purchases.product", true),
                new Position("field name", v -> condition(v.asText(), "eq", F.textNode("x")), "filter.field", false),
                new Position("operator", v -> condition("lastName", v.asText(), F.textNode("x")), "filter.op", false),
                date,
                timestamp,
                new Position("between bound", v -> condition("stats.totalSpent", "between", F.arrayNode().add(v).add(1)),
                        "filter.value", false),
                new Position("id value", v -> condition("id", "eq", v), "filter.value", false),
                new Position("enumeration value", v -> condition("gender", "eq", v), "filter.value", false),
                new Position("interactions direction", v -> F.objectNode().set("interactions", F.objectNode().set("direction", v)),
                        "filter.interactions.direction", false));
        List<Text> unstorable = new ArrayList<>(UNSTORABLE_TEXT);
        unstorable.add(new Text("10,000 characters", "€".repeat(10_000)));
        unstorable.add(new Text("200 emoji (400 UTF-16 units)", "😀".repeat(200)));
        for (Text t : EXTREME_DATES) {
            filterCase(target, body, start, date, t, Expect.strict("filter.value"));
        }
        for (Text t : EXTREME_TIMESTAMPS) {
            filterCase(target, body, start, timestamp, t, Expect.strict("filter.value"));
        }
        if (!stores) {
            // Legal, but beyond the ±15:59 PostgreSQL takes as an offset: it must be compared, not fail.
            filterCase(target, body, start, timestamp, new Text("offset +18:00", "2026-11-23T10:15:30+18:00"),
                    Expect.tolerant());
        }
        for (Position position : positions) {
            for (Text t : unstorable) {
                filterCase(target, body, start, position, t, Expect.strict(position.errorPath()));
            }
            for (Text t : ODD_TEXT) {
                if (!position.anyText()) {
                    filterCase(target, body, start, position, t, Expect.strict(position.errorPath()));
                } else if (!stores) {
                    filterCase(target, body, start, position, t, Expect.tolerant());
                }
            }
        }
        // Size bounds of the filter language (nesting, nodes, list values), far below the parser's own limits.
        JsonNode leaf = condition("lastName", "eq", F.textNode("x"));
        JsonNode nested = leaf;
        for (int i = 0; i < 500; i++) {
            nested = F.objectNode().set("not", nested);
        }
        add("filter: 500 levels of not", target, Map.of(), body.mediaType(), bytes(with(start, "filter", nested)),
                Expect.strict("filter"));
        add("filter: and of 10,000 conditions", target, Map.of(), body.mediaType(),
                () -> bytes(with(start, "filter", F.objectNode().set("and", repeat(leaf, 10_000)))), Expect.strict("filter"));
        add("filter: in-list of " + HUGE_ARRAY + " values", target, Map.of(), body.mediaType(),
                () -> bytes(with(start, "filter", condition("city", "in", distinct(F.objectNode().put("type", "string"), HUGE_ARRAY)))),
                Expect.strict("filter.value"));
    }

    private void filterCase(String target, Body body, ObjectNode start, Position position, Text t, Expect expect) {
        add("filter " + position.label() + ": " + t.label(), target, Map.of(), body.mediaType(),
                bytes(with(start, "filter", position.node().apply(F.textNode(t.value())))), expect);
    }

    private static ObjectNode condition(String field, String op, JsonNode value) {
        ObjectNode node = F.objectNode();
        node.put("field", field);
        node.put("op", op);
        node.set("value", value);
        return node;
    }

    // ---- query parameters ----------------------------------------------------------------------

    private void queryCases(Param p) {
        List<Encoded> strict = new ArrayList<>();
        List<Encoded> tolerant = new ArrayList<>();
        String name = p.name();
        if (name.equals("cursor") || name.equals("after")) {
            badCursors().forEach(t -> strict.add(enc(t.label(), t.value())));
        } else if (name.equals("sort")) {
            strict.add(enc("unknown sort", "nonsense"));
            strict.add(enc("double minus", "--createdAt"));
            strict.add(enc("SQL injection", "createdAt; DROP TABLE customer;--"));
        } else if (name.equals("limit") || p.kind() == Kind.INTEGER) {
            strict.add(enc("not a number", "abc"));
            strict.add(enc("a fraction", "1.5"));
            strict.add(enc("beyond 64 bits", "99999999999999999999"));
            strict.add(enc("negative", "-1"));
            if (name.equals("limit")) {
                strict.add(enc("zero", "0"));
                strict.add(enc("above 200", "201"));
            }
        } else {
            switch (p.kind()) {
                case ENUM -> {
                    strict.add(enc("unknown value", "NOT_A_VALUE"));
                    strict.add(enc("SQL injection", "'; DROP TABLE customer;--"));
                }
                case UUID -> {
                    strict.add(enc("not a UUID", "not-a-uuid"));
                    strict.add(enc("path traversal", "../../../../etc/passwd"));
                }
                case DATE_TIME, DATE -> {
                    strict.add(enc("a word", "yesterday"));
                    strict.add(enc("no offset", "2026-11-23T10:15:30"));
                    EXTREME_TIMESTAMPS.forEach(t -> strict.add(enc(t.label(), t.value())));
                }
                case BOOLEAN -> {
                    strict.add(enc("maybe", "maybe"));
                    strict.add(enc("a number", "1"));
                }
                default -> {
                    ODD_TEXT.forEach(t -> tolerant.add(enc(t.label(), t.value())));
                    tolerant.add(enc("500 non-ASCII characters", "é".repeat(500)));
                    tolerant.add(raw("invalid UTF-8 and an encoded lone surrogate", "%FF%FE%ED%A0%80"));
                }
            }
        }
        strict.add(enc("NUL byte", "a\u0000b"));
        strict.add(enc("only a NUL byte", "\u0000"));
        for (Encoded v : strict) {
            add("query " + name + ": " + v.label(), path(Map.of()) + "?" + name + "=" + v.encoded(), Map.of(), null, (byte[]) null,
                    Expect.strict(name));
        }
        for (Encoded v : tolerant) {
            add("query " + name + ": " + v.label(), path(Map.of()) + "?" + name + "=" + v.encoded(), Map.of(), null, (byte[]) null,
                    Expect.tolerant());
        }
    }

    private static List<Text> badCursors() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return List.of(
                new Text("not a cursor", "not-a-cursor"),
                new Text("base64 of garbage", b64.encodeToString("garbage".getBytes(StandardCharsets.UTF_8))),
                new Text("forged, id not a UUID", b64.encodeToString("createdAt\u001f2026-01-01T00:00:00Z\u001fnot-a-uuid"
                        .getBytes(StandardCharsets.UTF_8))),
                new Text("forged, NUL as the value", b64.encodeToString(("createdAt\u001f\u0000\u001f" + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8))),
                new Text("forged, year 999999999", b64.encodeToString(("createdAt\u001f+999999999-12-31T23:59:59Z\u001f"
                        + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))),
                new Text("3,000 characters", "A".repeat(3000)));
    }

    // ---- building requests ---------------------------------------------------------------------

    private void addWithBody(String name, String target, Map<String, String> headers, Body body, String text, Expect expect) {
        add(name, target, headers, body == null ? null : body.mediaType(),
                text == null ? null : text.getBytes(StandardCharsets.UTF_8), expect);
    }

    private void add(String name, String target, Map<String, String> headers, String contentType, byte[] body, Expect expect) {
        add(name, target, headers, contentType, body == null ? null : () -> body, expect);
    }

    /** Large bodies are built only when their case runs, so that thousands of them are never held at once. */
    private void add(String name, String target, Map<String, String> headers, String contentType, Supplier<byte[]> body,
            Expect expect) {
        cases.add(new BadInput(name, op.method(), target, headers, contentType, body, expect));
    }

    /** The valid request body the cases start from: the contract's example, pointed at the fixtures. */
    private ObjectNode baseBody(Body body) {
        ObjectNode base;
        if (body.example() != null && body.example().isObject()) {
            base = (ObjectNode) body.example().deepCopy();
        } else {
            base = F.objectNode();
            for (JsonNode required : body.schema().path("required")) {
                JsonNode schema = op.contract().properties(body.schema()).get(required.asText());
                base.set(required.asText(), sampleItem(schema));
            }
        }
        base.fieldNames().forEachRemaining(name -> {
            String value = fixtures.propertyValue(op.template(), name);
            if (value != null) {
                base.put(name, value);
            }
        });
        return base;
    }

    private String path(Map<String, String> encodedOverrides) {
        String path = op.template();
        for (Map.Entry<String, String> p : validPath.entrySet()) {
            String value = encodedOverrides.containsKey(p.getKey()) ? encodedOverrides.get(p.getKey())
                    : URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
            path = path.replace("{" + p.getKey() + "}", value);
        }
        return path;
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String firstKey(ObjectNode base) {
        return base.fieldNames().hasNext() ? base.fieldNames().next() : "x";
    }

    private static ObjectNode with(ObjectNode start, String name, JsonNode value) {
        ObjectNode body = start.deepCopy();
        body.set(name, value);
        return body;
    }

    /** The body with {@code name} set to raw JSON text (nesting deeper than a JSON writer allows). */
    private static String withRaw(ObjectNode start, String name, String rawJson) {
        String placeholder = "__raw_" + UUID.randomUUID() + "__";
        return text(with(start, name, F.textNode(placeholder))).replace("\"" + placeholder + "\"", rawJson);
    }

    private static ArrayNode repeat(JsonNode item, int times) {
        ArrayNode array = F.arrayNode(times);
        for (int i = 0; i < times; i++) {
            array.add(item);
        }
        return array;
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }
}
