package io.clientbook.task;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with {@code :name} parameters over plain JDBC, so that candidate queries and the generation
 * statement can be composed and still bind arrays (which JPA native queries do not bind portably).
 * {@code ::type} casts are left alone. Values: String, Integer, Long, BigDecimal, Boolean, UUID, Instant
 * (as timestamptz), OffsetDateTime, LocalDate, String[] (text[]), UUID[] (uuid[]), Integer[] (int[]),
 * BigDecimal[] (numeric[]) — the types of the task rules and of a segment's compiled filter
 * ({@link io.clientbook.segment.CompiledFilter#named}).
 */
final class NamedSql {

    private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([a-z][a-z0-9_]*)");

    private NamedSql() {
    }

    static PreparedStatement prepare(Connection connection, String sql, Map<String, Object> params) throws SQLException {
        List<Object> values = new ArrayList<>();
        Matcher m = PARAM.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("No value for SQL parameter :" + name);
            }
            values.add(params.get(name));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        PreparedStatement ps = connection.prepareStatement(jdbc.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                bind(connection, ps, i + 1, values.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    private static void bind(Connection connection, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            ps.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof UUID[] ids) {
            ps.setArray(index, connection.createArrayOf("uuid", ids));
        } else if (value instanceof Integer[] ints) {
            ps.setArray(index, connection.createArrayOf("int4", ints));
        } else if (value instanceof BigDecimal[] decimals) {
            ps.setArray(index, connection.createArrayOf("numeric", decimals));
        } else if (value instanceof LocalDate date) {
            ps.setObject(index, date);
        } else {
            ps.setObject(index, value);
        }
    }
}
