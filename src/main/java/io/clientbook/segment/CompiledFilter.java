package io.clientbook.segment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A filter compiled to one SQL condition over the customer table, aliased {@code c}, with JDBC
 * {@code ?} placeholders and their values in order. The condition already excludes erased
 * customers. Values are only ever bound, never part of {@link #sql()}.
 *
 * @param sql    a boolean SQL expression, e.g. {@code c.erased_at IS NULL AND (c.tier = ?)}
 * @param params the values of the placeholders, in order: String, Integer, BigDecimal, Boolean,
 *               LocalDate, OffsetDateTime, or an array of String / Integer / UUID
 */
public record CompiledFilter(String sql, List<Object> params) {

    /** The condition with named parameters: {@code :name} placeholders and their values by name. */
    public record Named(String sql, Map<String, Object> params) {
    }

    public CompiledFilter {
        params = List.copyOf(params);
    }

    /**
     * The same condition with {@code :prefix1}, {@code :prefix2} … in place of the {@code ?}
     * placeholders, for statements composed with named parameters (the set-based task generation).
     * Placeholders inside quoted literals or identifiers are none (the driver sees it the same way);
     * the compiler writes no {@code ?} operator, so every other {@code ?} is a placeholder.
     *
     * @param prefix lower-case letters, digits and underscores, starting with a letter, e.g. {@code seg_}
     */
    public Named named(String prefix) {
        if (!prefix.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter prefix must be lower-case letters, digits, _: " + prefix);
        }
        StringBuilder out = new StringBuilder(sql.length() + 8 * params.size());
        Map<String, Object> named = new LinkedHashMap<>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0; // a doubled quote closes and reopens: the same state
                }
                out.append(ch);
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                out.append(ch);
            } else if (ch == '?') {
                if (named.size() == params.size()) {
                    throw new IllegalStateException("more placeholders than values in: " + sql);
                }
                String name = prefix + (named.size() + 1);
                named.put(name, params.get(named.size()));
                // Spaces keep the name from running into a neighbouring word (x=?y would read :p1y).
                if (i > 0 && isNamePart(sql.charAt(i - 1))) {
                    out.append(' ');
                }
                out.append(':').append(name);
                if (i + 1 < sql.length() && isNamePart(sql.charAt(i + 1))) {
                    out.append(' ');
                }
            } else {
                out.append(ch);
            }
        }
        if (named.size() != params.size()) {
            throw new IllegalStateException(params.size() + " values for " + named.size() + " placeholders in: " + sql);
        }
        return new Named(out.toString(), named);
    }

    private static boolean isNamePart(char ch) {
        return ch == ':' || ch == '_' || Character.isLetterOrDigit(ch);
    }

    /**
     * Binds {@link #params()} to {@code ps}, the first at {@code firstIndex} (1-based); returns the
     * index after the last one, for statements that bind more values after the condition.
     */
    public int bind(PreparedStatement ps, int firstIndex) throws SQLException {
        int i = firstIndex;
        Connection connection = ps.getConnection();
        for (Object p : params) {
            if (p instanceof String[] a) {
                ps.setArray(i++, connection.createArrayOf("text", a));
            } else if (p instanceof Integer[] a) {
                ps.setArray(i++, connection.createArrayOf("int4", a));
            } else if (p instanceof UUID[] a) {
                ps.setArray(i++, connection.createArrayOf("uuid", a));
            } else if (p instanceof BigDecimal[] a) {
                ps.setArray(i++, connection.createArrayOf("numeric", a));
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }
}
