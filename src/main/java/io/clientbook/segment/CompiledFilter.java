package io.clientbook.segment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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

    public CompiledFilter {
        params = List.copyOf(params);
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
