package io.clientbook.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntPredicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.clientbook.common.StorableText;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.Violations;
import io.clientbook.complaint.ComplaintStatus;
import io.clientbook.customer.ContactChannel;
import io.clientbook.interaction.Direction;

/**
 * Compiles the segment filter language (a JSON tree) into one parameterised SQL condition over the
 * customer row {@code c}. Pure: no database, no CDI, so every rule is unit-tested directly.
 *
 * <p>Grammar. A node is exactly one of
 * <ul>
 * <li>{@code {"and": [node, …]}}, {@code {"or": [node, …]}} (non-empty), {@code {"not": node}};</li>
 * <li>a field condition {@code {"field": f, "op": o, "value": v}} over the whitelist of {@link FilterField};</li>
 * <li>an aggregate over related records: {@code {"purchases": {"withinDays", "product", "channel"}}},
 * {@code {"complaints": {"withinDays", "open"}}}, {@code {"interactions": {"withinDays", "direction",
 * "channel"}}}, alone meaning "at least one", or with {@code "op"} and {@code "count"} (purchases also
 * {@code "sum"} of amounts). Void purchases never count.</li>
 * </ul>
 *
 * <p>Safety. Field names and operators select fixed SQL text from whitelists; every value a client
 * sends is a bound parameter. Errors name the offending node as a JSON path
 * ({@code filter.and[2].value}); all of them are reported at once, except the size bounds (depth,
 * node count), which stop compilation at the first breach.
 *
 * <p>Semantics. {@code neq} and {@code nin} are the exact complements of {@code eq} and
 * {@code in}, as is {@code not}: a customer with no value for the field matches them.
 * Relative times ({@code withinDays}, {@code olderThanDays}, ages, birthdays) are fixed against the
 * {@code now} given to {@link #compile}; days are UTC days. Erased customers never match.
 */
public final class SegmentFilterCompiler {

    /** Bounds on what one filter may ask, each breach a 400. */
    public record Limits(int maxDepth, int maxNodes, int maxListSize, int maxStringLength) {
        public static final Limits DEFAULT = new Limits(8, 100, 1000, 200);
    }

    static final int MAX_DAYS = 36_500;
    static final int MAX_AGE = 150;
    static final int MAX_TAG_LENGTH = 50;
    private static final List<String> KINDS = List.of("and", "or", "not", "field", "purchases", "complaints", "interactions");
    private static final List<String> AGGREGATE_OPS = List.of("eq", "neq", "gt", "gte", "lt", "lte", "between");

    private final Limits limits;

    public SegmentFilterCompiler(Limits limits) {
        this.limits = limits;
    }

    /**
     * Compiles {@code filter} (null or JSON null: every customer) found at {@code path} of the
     * request, relative times fixed at {@code now}.
     *
     * @throws ApiProblem 400 listing every error, each naming its node
     */
    public CompiledFilter compile(JsonNode filter, String path, Instant now) {
        Run run = new Run(now);
        if (filter == null || filter.isNull() || filter.isMissingNode()) {
            return new CompiledFilter("c.erased_at IS NULL", List.of());
        }
        Sql sql = run.node(filter, path, 1);
        Violations.throwIfAny(run.errors);
        return new CompiledFilter("c.erased_at IS NULL AND " + sql.text, run.params);
    }

    /** A compiled part: SQL text, and whether it can be NULL (then {@code not} must use IS NOT TRUE). */
    private record Sql(String text, boolean nullable) {
    }

    private static final Sql INVALID = new Sql("TRUE", false);

    /** One compilation: the bound values in placeholder order and the errors found. */
    private final class Run {

        final OffsetDateTime now;
        final LocalDate today;
        final List<Object> params = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();
        int nodes;

        Run(Instant now) {
            this.now = now.atOffset(ZoneOffset.UTC);
            this.today = this.now.toLocalDate();
        }

        Sql node(JsonNode n, String path, int depth) {
            if (depth > limits.maxDepth()) {
                throw ApiProblem.validation(path, "is nested too deeply: a filter may have at most " + limits.maxDepth() + " levels");
            }
            if (++nodes > limits.maxNodes()) {
                throw ApiProblem.validation(path, "is one node too many: a filter may have at most " + limits.maxNodes() + " nodes");
            }
            if (!n.isObject()) {
                return error(path, "must be an object with one of " + KINDS);
            }
            List<String> kinds = KINDS.stream().filter(n::has).toList();
            if (kinds.isEmpty()) {
                return error(path, "must have one of " + KINDS);
            }
            if (kinds.size() > 1) {
                return error(path, "must have only one of " + KINDS + ", not " + kinds);
            }
            String kind = kinds.get(0);
            return switch (kind) {
                case "and", "or" -> group(n, path, depth, kind);
                case "not" -> not(n, path, depth);
                case "field" -> field(n, path);
                default -> aggregate(n, path, kind);
            };
        }

        Sql group(JsonNode n, String path, int depth, String kind) {
            unknownKeys(n, path, Set.of(kind));
            JsonNode list = n.get(kind);
            String p = path + "." + kind;
            if (!list.isArray()) {
                return error(p, "must be an array of filters");
            }
            if (list.isEmpty()) {
                return error(p, "must not be empty");
            }
            List<String> parts = new ArrayList<>();
            boolean nullable = false;
            for (int i = 0; i < list.size(); i++) {
                Sql part = node(list.get(i), p + "[" + i + "]", depth + 1);
                parts.add(part.text);
                nullable |= part.nullable;
            }
            if (parts.size() == 1) {
                return new Sql(parts.get(0), nullable);
            }
            return new Sql("(" + String.join(kind.equals("and") ? " AND " : " OR ", parts) + ")", nullable);
        }

        Sql not(JsonNode n, String path, int depth) {
            unknownKeys(n, path, Set.of("not"));
            Sql inner = node(n.get("not"), path + ".not", depth + 1);
            // SQL's NOT of NULL is NULL: "not" must be the complement, so a nullable part is tested IS NOT TRUE.
            return new Sql(inner.nullable ? "(" + inner.text + " IS NOT TRUE)" : "(NOT " + inner.text + ")", false);
        }

        // ---- field conditions -------------------------------------------------------------

        Sql field(JsonNode n, String path) {
            unknownKeys(n, path, Set.of("field", "op", "value"));
            JsonNode name = n.get("field");
            if (!name.isTextual()) {
                return error(path + ".field", "must be a string naming a field");
            }
            FilterField f = FilterField.named(name.asText());
            if (f == null) {
                return error(path + ".field", "unknown field '" + shorten(name.asText()) + "'; the fields are " + FilterField.names());
            }
            JsonNode opNode = n.get("op");
            if (opNode == null || !opNode.isTextual()) {
                return error(path + ".op", "is required: one of " + f.type().ops);
            }
            String op = opNode.asText();
            if (!f.type().ops.contains(op)) {
                return error(path + ".op", "'" + shorten(op) + "' is not an operator for " + f.name() + "; use one of " + f.type().ops);
            }
            JsonNode value = n.get("value");
            String vp = path + ".value";
            if (value == null || value.isNull()) {
                return error(vp, "is required");
            }
            return switch (f.type()) {
                case TAGS -> tags(f, op, value, vp);
                case AGE -> age(f, op, value, vp);
                case BIRTHDAY_DAYS -> birthday(f, op, value, vp);
                default -> plain(f, op, value, vp);
            };
        }

        /** Fields that are a column or a fixed expression compared directly. */
        Sql plain(FilterField f, String op, JsonNode value, String vp) {
            String col = f.sql();
            // char(n) columns compared with a varchar parameter would be cast to text, and their index not used.
            String one = f.charColumn() ? "CAST(? AS bpchar)" : "?";
            String many = f.charColumn() ? "CAST(? AS bpchar[])" : "?";
            switch (op) {
                case "eq", "neq" -> {
                    Object v = scalar(f, value, vp);
                    return complementIf(op.equals("neq"), bound("(" + col + " = " + one + ")", true, v));
                }
                case "in", "nin" -> {
                    Object array = array(f, list(f, value, vp));
                    return complementIf(op.equals("nin"), bound("(" + col + " = ANY(" + many + "))", true, array));
                }
                case "gt", "gte", "lt", "lte" -> {
                    return bound("(" + col + " " + comparison(op) + " ?)", true, scalar(f, value, vp));
                }
                case "between" -> {
                    Object[] range = pair(f, value, vp);
                    if (range == null) {
                        return INVALID;
                    }
                    return bound("(" + col + " BETWEEN ? AND ?)", true, range[0], range[1]);
                }
                case "exists" -> {
                    return new Sql("(" + col + (bool(value, vp) ? " IS NOT NULL)" : " IS NULL)"), false);
                }
                case "contains" -> {
                    String text = text(value, vp);
                    return bound("(" + col + " ILIKE ?)", true, text == null ? null : "%" + escapeLike(text) + "%");
                }
                case "withinDays" -> {
                    Integer days = days(value, vp);
                    if (days == null) {
                        return INVALID;
                    }
                    if (f.type() == FilterField.Type.DATE) {
                        // A date within N days either side of today: "around the expected purchase date".
                        return bound("(" + col + " BETWEEN ? AND ?)", true, today.minusDays(days), today.plusDays(days));
                    }
                    return bound("(" + col + " >= ?)", true, now.minusDays(days));
                }
                case "olderThanDays" -> {
                    Integer days = days(value, vp);
                    if (days == null) {
                        return INVALID;
                    }
                    return bound("(" + col + " < ?)", true,
                            f.type() == FilterField.Type.DATE ? today.minusDays(days) : now.minusDays(days));
                }
                default -> throw new IllegalStateException(op);
            }
        }

        /** Tags are stored trimmed and lower-case; every operator is one the GIN index on tags serves. */
        Sql tags(FilterField f, String op, JsonNode value, String vp) {
            String col = f.sql();
            return switch (op) {
                case "eq", "neq" -> complementIf(op.equals("neq"), bound("(" + col + " @> ?)", false, (Object) tagArray(List.of(value), vp, false)));
                case "in", "nin" -> complementIf(op.equals("nin"), bound("(" + col + " && ?)", false, (Object) tagArray(listNode(value, vp), vp, true)));
                case "contains" -> bound("(" + col + " @> ?)", false,
                        (Object) (value.isArray() ? tagArray(listNode(value, vp), vp, true) : tagArray(List.of(value), vp, false)));
                case "exists" -> new Sql("(cardinality(" + col + ")" + (bool(value, vp) ? " > 0)" : " = 0)"), false);
                default -> throw new IllegalStateException(op);
            };
        }

        /** Age in whole years as birth-date ranges relative to today, so the birth date itself is compared. */
        Sql age(FilterField f, String op, JsonNode value, String vp) {
            switch (op) {
                case "exists" -> {
                    return new Sql("(c.birth_date" + (bool(value, vp) ? " IS NOT NULL)" : " IS NULL)"), false);
                }
                case "in", "nin" -> {
                    List<Object> ages = list(f, value, vp);
                    if (ages == null) {
                        return INVALID;
                    }
                    List<String> parts = new ArrayList<>();
                    for (Object age : ages) {
                        parts.add(ageBetween((Integer) age, (Integer) age).text);
                    }
                    return complementIf(op.equals("nin"), new Sql("(" + String.join(" OR ", parts) + ")", true));
                }
                case "between" -> {
                    Object[] range = pair(f, value, vp);
                    return range == null ? INVALID : ageBetween((Integer) range[0], (Integer) range[1]);
                }
                default -> {
                    Integer age = (Integer) scalar(f, value, vp);
                    if (age == null) {
                        return INVALID;
                    }
                    return switch (op) {
                        case "eq" -> ageBetween(age, age);
                        case "neq" -> complementIf(true, ageBetween(age, age));
                        case "gte" -> ageBetween(age, null);
                        case "gt" -> ageBetween(age + 1, null);
                        case "lte" -> ageBetween(null, age);
                        case "lt" -> ageBetween(null, age - 1);
                        default -> throw new IllegalStateException(op);
                    };
                }
            }
        }

        /** Aged from {@code min} to {@code max} whole years today (either open): born after today−(max+1)y, on or before today−min y. */
        private Sql ageBetween(Integer min, Integer max) {
            List<String> parts = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (max != null) {
                parts.add("c.birth_date > ?");
                values.add(today.minusYears(max + 1L));
            }
            if (min != null) {
                parts.add("c.birth_date <= ?");
                values.add(today.minusYears(min));
            }
            return bound("(" + String.join(" AND ", parts) + ")", true, values.toArray());
        }

        /** Days until the next birthday as the set of month-days that qualify today (see {@link BirthdayCalendar}). */
        Sql birthday(FilterField f, String op, JsonNode value, String vp) {
            IntPredicate days;
            switch (op) {
                case "in", "nin" -> {
                    List<Object> values = list(f, value, vp);
                    if (values == null) {
                        return INVALID;
                    }
                    Set<Integer> set = new TreeSet<>();
                    values.forEach(v -> set.add((Integer) v));
                    days = set::contains;
                }
                case "between" -> {
                    Object[] range = pair(f, value, vp);
                    if (range == null) {
                        return INVALID;
                    }
                    int lo = (Integer) range[0];
                    int hi = (Integer) range[1];
                    days = d -> d >= lo && d <= hi;
                }
                default -> {
                    Integer n = (Integer) scalar(f, value, vp);
                    if (n == null) {
                        return INVALID;
                    }
                    days = switch (op) {
                        case "eq", "neq" -> d -> d == n;
                        case "gt" -> d -> d > n;
                        case "gte" -> d -> d >= n;
                        case "lt" -> d -> d < n;
                        case "lte" -> d -> d <= n;
                        default -> throw new IllegalStateException(op);
                    };
                }
            }
            Integer[] monthDays = BirthdayCalendar.monthDaysWhere(days, today).toArray(Integer[]::new);
            return complementIf(op.equals("neq") || op.equals("nin"), bound("(" + f.sql() + " = ANY(?))", true, (Object) monthDays));
        }

        // ---- aggregates over purchases, complaints, interactions ---------------------------

        Sql aggregate(JsonNode n, String path, String kind) {
            boolean purchases = kind.equals("purchases");
            unknownKeys(n, path, purchases ? Set.of(kind, "op", "count", "sum") : Set.of(kind, "op", "count"));
            JsonNode spec = n.get(kind);
            String sp = path + "." + kind;
            if (!spec.isObject()) {
                return error(sp, "must be an object, e.g. {\"withinDays\": 30}");
            }
            String table;
            List<String> where = new ArrayList<>();
            List<Object> whereValues = new ArrayList<>();
            switch (kind) {
                case "purchases" -> {
                    table = "purchase";
                    where.add("r.voided_at IS NULL");
                    unknownKeys(spec, sp, Set.of("withinDays", "product", "channel"));
                    window(spec, sp, "r.occurred_at", where, whereValues);
                    textEquals(spec, sp, "product", "r.product", where, whereValues);
                    textEquals(spec, sp, "channel", "r.channel", where, whereValues);
                }
                case "complaints" -> {
                    table = "complaint";
                    unknownKeys(spec, sp, Set.of("withinDays", "open"));
                    window(spec, sp, "r.opened_at", where, whereValues);
                    JsonNode open = spec.get("open");
                    if (open != null) {
                        // Open means not yet resolved: OPEN or IN_PROGRESS (the partial index complaint_open_idx).
                        where.add(bool(open, sp + ".open") ? "r.status IN ('" + ComplaintStatus.OPEN + "', '" + ComplaintStatus.IN_PROGRESS + "')"
                                : "r.status IN ('" + ComplaintStatus.RESOLVED + "', '" + ComplaintStatus.CLOSED + "')");
                    }
                }
                default -> {
                    table = "interaction";
                    unknownKeys(spec, sp, Set.of("withinDays", "direction", "channel"));
                    window(spec, sp, "r.occurred_at", where, whereValues);
                    enumEquals(spec, sp, "direction", "r.direction", Direction.values(), where, whereValues);
                    enumEquals(spec, sp, "channel", "r.channel", ContactChannel.values(), where, whereValues);
                }
            }
            JsonNode op = n.get("op");
            JsonNode count = n.get("count");
            JsonNode sum = n.get("sum");
            if (op == null && count == null && sum == null) {
                if (purchases && !spec.has("product") && !spec.has("channel")) {
                    // Only a window (or nothing): the customer's own purchase statistics answer it, and
                    // exactly, since they are kept equal to the non-void purchases on every insert, void
                    // and change (PurchaseRepository). "A non-void purchase at or after T" is
                    // "last_purchase_at >= T": one indexed column instead of a probe per customer.
                    if (!spec.has("withinDays")) {
                        return new Sql("(c.purchase_count > 0)", false);
                    }
                    return whereValues.isEmpty() ? INVALID : bound("(c.last_purchase_at >= ?)", true, whereValues.get(0));
                }
                // "At least one": a semi-join the planner can drive from either side.
                List<String> all = new ArrayList<>(List.of("r.customer_id = c.id"));
                all.addAll(where);
                return bound("EXISTS (SELECT 1 FROM " + table + " r WHERE " + String.join(" AND ", all) + ")", false,
                        whereValues.toArray());
            }
            if (op == null || !op.isTextual() || !AGGREGATE_OPS.contains(op.asText())) {
                return error(path + ".op", "must be one of " + AGGREGATE_OPS + " with " + (purchases ? "count or sum" : "count"));
            }
            if (count != null && sum != null) {
                return error(path, "must have count or sum, not both");
            }
            if (count == null && sum == null) {
                return error(path + ".count", "is required with op" + (purchases ? " (or sum)" : ""));
            }
            boolean isCount = count != null;
            String vp = path + (isCount ? ".count" : ".sum");
            JsonNode v = isCount ? count : sum;
            String o = op.asText();
            BigDecimal[] bounds = aggregateValues(v, vp, o, isCount);
            if (bounds == null) {
                return INVALID;
            }
            String agg = isCount ? "count(*)" : "sum(r.amount)";
            String having = o.equals("between") ? agg + " BETWEEN ? AND ?" : agg + " " + comparison(o) + " ?";
            boolean zeroMatches = holds(BigDecimal.ZERO, o, bounds);
            List<Object> values = new ArrayList<>(whereValues);
            for (BigDecimal b : bounds) {
                values.add(isCount ? (Object) b.longValueExact() : b);
            }
            // Customers without any matching row have count 0 and sum 0. When 0 satisfies the comparison,
            // the condition is "no group fails it" (an anti-join); otherwise "some group passes it" (a semi-join).
            // Both read only the rows inside the window once, grouped, instead of probing once per customer.
            String groups = "SELECT r.customer_id FROM " + table + " r"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " GROUP BY r.customer_id HAVING " + (zeroMatches ? "NOT (" + having + ")" : having);
            return bound((zeroMatches ? "NOT EXISTS" : "EXISTS") + " (SELECT 1 FROM (" + groups + ") g WHERE g.customer_id = c.id)",
                    false, values.toArray());
        }

        private void window(JsonNode spec, String sp, String column, List<String> where, List<Object> values) {
            JsonNode within = spec.get("withinDays");
            if (within != null) {
                Integer days = days(within, sp + ".withinDays");
                if (days != null) {
                    where.add(column + " >= ?");
                    values.add(now.minusDays(days));
                }
            }
        }

        private void textEquals(JsonNode spec, String sp, String key, String column, List<String> where, List<Object> values) {
            JsonNode v = spec.get(key);
            if (v != null) {
                String text = text(v, sp + "." + key);
                where.add(column + " = ?");
                values.add(text);
            }
        }

        private void enumEquals(JsonNode spec, String sp, String key, String column, Enum<?>[] allowed, List<String> where,
                List<Object> values) {
            JsonNode v = spec.get(key);
            if (v != null) {
                String name = enumName(v, sp + "." + key, Arrays.stream(allowed).map(Enum::name).toList());
                where.add(column + " = ?");
                values.add(name);
            }
        }

        private BigDecimal[] aggregateValues(JsonNode v, String vp, String op, boolean whole) {
            if (op.equals("between")) {
                if (!v.isArray() || v.size() != 2) {
                    error(vp, "must be an array of two numbers [from, to]");
                    return null;
                }
                BigDecimal lo = amount(v.get(0), vp + "[0]", whole);
                BigDecimal hi = amount(v.get(1), vp + "[1]", whole);
                if (lo == null || hi == null) {
                    return null;
                }
                if (lo.compareTo(hi) > 0) {
                    error(vp, "must be [from, to] with from ≤ to");
                    return null;
                }
                return new BigDecimal[] { lo, hi };
            }
            BigDecimal b = amount(v, vp, whole);
            return b == null ? null : new BigDecimal[] { b };
        }

        private BigDecimal amount(JsonNode v, String vp, boolean whole) {
            if (whole ? !v.isIntegralNumber() || !v.canConvertToInt() : !v.isNumber()) {
                error(vp, whole ? "must be a whole number" : "must be a number");
                return null;
            }
            BigDecimal b = v.decimalValue();
            if (b.signum() < 0 || b.compareTo(new BigDecimal("1e12")) > 0) {
                error(vp, "must be from 0 to 1000000000000");
                return null;
            }
            return b;
        }

        private boolean holds(BigDecimal x, String op, BigDecimal[] b) {
            int c = x.compareTo(b[0]);
            return switch (op) {
                case "eq" -> c == 0;
                case "neq" -> c != 0;
                case "gt" -> c > 0;
                case "gte" -> c >= 0;
                case "lt" -> c < 0;
                case "lte" -> c <= 0;
                case "between" -> c >= 0 && x.compareTo(b[1]) <= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        // ---- values ----------------------------------------------------------------------

        /** One value of the field's type as bound to JDBC, or null after recording an error. */
        Object scalar(FilterField f, JsonNode v, String vp) {
            return switch (f.type()) {
                case TEXT -> text(v, vp);
                case TAGS -> tag(v, vp);
                case ENUM -> enumName(v, vp, new TreeSet<>(f.allowed()));
                case UUID -> {
                    if (v.isTextual()) {
                        try {
                            yield UUID.fromString(v.asText());
                        } catch (IllegalArgumentException e) {
                            // fall through to the error
                        }
                    }
                    error(vp, "must be a UUID");
                    yield null;
                }
                case INTEGER -> whole(v, vp, 0, Integer.MAX_VALUE);
                case AGE -> whole(v, vp, 0, MAX_AGE);
                case BIRTHDAY_DAYS -> whole(v, vp, 0, 365);
                case DECIMAL -> {
                    if (!v.isNumber()) {
                        error(vp, "must be a number");
                        yield null;
                    }
                    yield v.decimalValue();
                }
                case DATE -> {
                    if (v.isTextual()) {
                        try {
                            LocalDate date = LocalDate.parse(v.asText());
                            if (Timestamps.isAccepted(date)) {
                                yield date;
                            }
                        } catch (DateTimeParseException e) {
                            // fall through to the error
                        }
                    }
                    error(vp, "must be a date as YYYY-MM-DD in the " + Timestamps.YEARS);
                    yield null;
                }
                case TIMESTAMP -> {
                    if (v.isTextual()) {
                        try {
                            OffsetDateTime time = OffsetDateTime.parse(v.asText());
                            if (Timestamps.isAccepted(time)) {
                                // Bound in UTC: PostgreSQL takes offsets only up to ±15:59, Java up to ±18:00.
                                yield time.withOffsetSameInstant(ZoneOffset.UTC);
                            }
                        } catch (DateTimeParseException e) {
                            // fall through to the error
                        }
                    }
                    error(vp, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-23T10:15:30Z, in the " + Timestamps.YEARS);
                    yield null;
                }
                case BOOLEAN -> bool(v, vp);
            };
        }

        List<Object> list(FilterField f, JsonNode v, String vp) {
            List<JsonNode> nodes = listNode(v, vp);
            if (nodes == null) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < nodes.size(); i++) {
                Object x = scalar(f, nodes.get(i), vp + "[" + i + "]");
                ok &= x != null;
                values.add(x);
            }
            return ok ? values : null;
        }

        List<JsonNode> listNode(JsonNode v, String vp) {
            if (!v.isArray() || v.isEmpty()) {
                error(vp, "must be a non-empty array");
                return null;
            }
            if (v.size() > limits.maxListSize()) {
                error(vp, "has " + v.size() + " values; at most " + limits.maxListSize() + " are allowed");
                return null;
            }
            List<JsonNode> nodes = new ArrayList<>();
            v.forEach(nodes::add);
            return nodes;
        }

        Object array(FilterField f, List<Object> values) {
            if (values == null) {
                return null;
            }
            return switch (f.type()) {
                case UUID -> values.toArray(UUID[]::new);
                case INTEGER -> values.toArray(Integer[]::new);
                default -> values.toArray(String[]::new);
            };
        }

        @SuppressWarnings({ "unchecked", "rawtypes" })
        Object[] pair(FilterField f, JsonNode v, String vp) {
            if (!v.isArray() || v.size() != 2) {
                error(vp, "must be an array of two values [from, to]");
                return null;
            }
            Object lo = scalar(f, v.get(0), vp + "[0]");
            Object hi = scalar(f, v.get(1), vp + "[1]");
            if (lo == null || hi == null) {
                return null;
            }
            Comparable a = lo instanceof OffsetDateTime t ? t.toInstant() : (Comparable) lo;
            Comparable b = hi instanceof OffsetDateTime t ? t.toInstant() : (Comparable) hi;
            if (a.compareTo(b) > 0) {
                error(vp, "must be [from, to] with from ≤ to");
                return null;
            }
            return new Object[] { lo, hi };
        }

        String[] tagArray(List<JsonNode> values, String vp, boolean indexed) {
            if (values == null) {
                return null;
            }
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                tags.add(tag(values.get(i), indexed ? vp + "[" + i + "]" : vp));
            }
            return tags.contains(null) ? null : tags.toArray(String[]::new);
        }

        String tag(JsonNode v, String vp) {
            if (!v.isTextual() || v.asText().isBlank() || v.asText().trim().length() > MAX_TAG_LENGTH) {
                error(vp, "must be a tag: a non-blank string of at most " + MAX_TAG_LENGTH + " characters");
                return null;
            }
            return storable(v.asText(), vp) ? v.asText().trim().toLowerCase(Locale.ROOT) : null;
        }

        String text(JsonNode v, String vp) {
            if (!v.isTextual()) {
                error(vp, "must be a string");
                return null;
            }
            if (v.asText().isEmpty() || v.asText().length() > limits.maxStringLength()) {
                error(vp, "must be from 1 to " + limits.maxStringLength() + " characters");
                return null;
            }
            return storable(v.asText(), vp) ? v.asText() : null;
        }

        /** Text the database cannot take (a NUL, an unpaired surrogate) could match nothing as sent: a 400, not a failed query. */
        private boolean storable(String text, String vp) {
            String problem = StorableText.problem(text);
            if (problem != null) {
                error(vp, problem);
            }
            return problem == null;
        }

        String enumName(JsonNode v, String vp, java.util.Collection<String> allowed) {
            if (!v.isTextual() || !allowed.contains(v.asText())) {
                error(vp, "must be one of " + allowed);
                return null;
            }
            return v.asText();
        }

        Integer whole(JsonNode v, String vp, int min, int max) {
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
                error(vp, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return v.intValue();
        }

        Integer days(JsonNode v, String vp) {
            return whole(v, vp, 0, MAX_DAYS);
        }

        boolean bool(JsonNode v, String vp) {
            if (!v.isBoolean()) {
                error(vp, "must be true or false");
                return false;
            }
            return v.booleanValue();
        }

        // ---- helpers ---------------------------------------------------------------------

        /** SQL with its values appended in placeholder order; a missing value means an error was recorded. */
        Sql bound(String sql, boolean nullable, Object... values) {
            for (Object v : values) {
                if (v == null) {
                    return INVALID;
                }
            }
            params.addAll(Arrays.asList(values));
            return new Sql(sql, nullable);
        }

        Sql complementIf(boolean complement, Sql sql) {
            if (!complement || sql == INVALID) {
                return sql;
            }
            return new Sql(sql.nullable ? "(" + sql.text + " IS NOT TRUE)" : "(NOT " + sql.text + ")", false);
        }

        void unknownKeys(JsonNode n, String path, Set<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    errors.add(new FieldError(path + "." + shorten(key), "unknown property; allowed here: " + new TreeSet<>(allowed)));
                }
            }
        }

        Sql error(String path, String message) {
            errors.add(new FieldError(path, message));
            return INVALID;
        }
    }

    private static String comparison(String op) {
        return switch (op) {
            case "eq" -> "=";
            case "neq" -> "<>";
            case "gt" -> ">";
            case "gte" -> ">=";
            case "lt" -> "<";
            case "lte" -> "<=";
            default -> throw new IllegalStateException(op);
        };
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String shorten(String s) {
        // Never cut between the two halves of a surrogate pair: half a character is not text.
        return s.length() <= 50 ? s : s.substring(0, Character.isHighSurrogate(s.charAt(49)) ? 49 : 50) + "…";
    }
}
