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
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Statements already parsed: the rules' statements are a handful of long texts run on every purchase, and
     * scanning them for parameters each time was a fifth of a purchase's CPU. Campaign filters make new texts,
     * so the cache starts afresh when it is full rather than growing.
     */
    private static final int CACHE_SIZE = 256;
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    /** The statement with {@code ?} for each parameter, and the parameters' names in order. */
    record Parsed(String jdbc, List<String> names) {
    }

    private NamedSql() {
    }

    static Parsed parse(String sql) {
        Parsed known = PARSED.get(sql);
        if (known != null) {
            return known;
        }
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        Parsed parsed = new Parsed(jdbc.toString(), List.copyOf(names));
        if (PARSED.size() >= CACHE_SIZE) {
            PARSED.clear();
        }
        PARSED.put(sql, parsed);
        return parsed;
    }

    static PreparedStatement prepare(Connection connection, String sql, Map<String, Object> params) throws SQLException {
        Parsed parsed = parse(sql);
        List<Object> values = new ArrayList<>(parsed.names().size());
        for (String name : parsed.names()) {
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("No value for SQL parameter :" + name);
            }
            values.add(params.get(name));
        }
        PreparedStatement ps = connection.prepareStatement(parsed.jdbc());
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
