package io.clientbook.customer;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.clientbook.common.paging.Cursor;

/**
 * Pages of customers in one JDBC statement each: the statement's keyset parts, and the customers read
 * from its result. The customer list and segment searches build their statements here, and a segment's
 * is planned for its values ({@code AdHocStatements}), which Hibernate cannot run. The customers are not
 * managed: they are for reading only. CustomerRowsTest checks every attribute of the entity against what
 * Hibernate reads from the same row.
 */
public final class CustomerRows {

    private CustomerRows() {
    }

    /** A customer of a page and the text of its sort value, for the next cursor. */
    public record Row(Customer customer, String sortValue) {
    }

    /** The start of a page statement, up to its conditions: every column and the sort value. */
    public static StringBuilder select(CustomerSort.Order order) {
        return new StringBuilder("SELECT c.*, (").append(order.sort().expression)
                .append(")::text AS sort_value FROM customer c WHERE ");
    }

    /**
     * The end of a page statement: after a cursor, (sort value, id) past it (two parameters, the
     * cursor's value and id, cast to their types); the order by sort value and id; the limit (a parameter).
     */
    public static void appendKeyset(StringBuilder sql, CustomerSort.Order order, boolean afterCursor) {
        String expr = order.sort().expression;
        String dir = order.descending() ? "DESC" : "ASC";
        if (afterCursor) {
            sql.append(" AND (").append(expr).append(", c.id) ").append(order.descending() ? "<" : ">")
                    .append(" (CAST(? AS ").append(order.sort().sqlType).append("), CAST(? AS uuid))");
        }
        sql.append(" ORDER BY ").append(expr).append(' ').append(dir).append(", c.id ").append(dir).append(" LIMIT ?");
    }

    /**
     * Runs a page statement whose parameters are bound and reads its rows. A cursor value that PostgreSQL
     * refuses to cast to the sort's type (SQLSTATE class 22, data exception) was forged, as the service
     * never makes one: that is a 400 on the cursor.
     */
    public static List<Row> page(PreparedStatement ps, Cursor after) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(read(rs), rs.getString("sort_value")));
            }
        } catch (SQLException e) {
            if (after != null && e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                throw Cursor.invalid();
            }
            throw e;
        }
        return rows;
    }

    /** The customer on the current row of {@code rs} (columns by name, as {@link Customer} maps them). */
    public static Customer read(ResultSet rs) throws SQLException {
        Customer c = new Customer();
        c.id = rs.getObject("id", UUID.class);
        c.externalRef = rs.getString("external_ref");
        c.firstName = rs.getString("first_name");
        c.lastName = rs.getString("last_name");
        c.email = rs.getString("email");
        c.phone = rs.getString("phone");
        c.gender = value(Gender.class, rs.getString("gender"));
        c.birthDate = rs.getObject("birth_date", LocalDate.class);
        c.country = rs.getString("country");
        c.region = rs.getString("region");
        c.city = rs.getString("city");
        c.occupation = rs.getString("occupation");
        c.preferredChannel = value(ContactChannel.class, rs.getString("preferred_channel"));
        c.consent = rs.getString("consent");
        c.owner = rs.getString("owner");
        c.needOrientation = value(NeedOrientation.class, rs.getString("need_orientation"));
        c.buyingStage = value(BuyingStage.class, rs.getString("buying_stage"));
        c.expectedPurchaseDate = rs.getObject("expected_purchase_date", LocalDate.class);
        c.notBuyingReason = rs.getString("not_buying_reason");
        Array tags = rs.getArray("tags");
        c.tags = (String[]) tags.getArray();
        c.notes = rs.getString("notes");
        c.tier = value(Tier.class, rs.getString("tier"));
        c.tierChangedAt = instant(rs, "tier_changed_at");
        c.rfmRecency = score(rs, "rfm_recency");
        c.rfmFrequency = score(rs, "rfm_frequency");
        c.rfmMonetary = score(rs, "rfm_monetary");
        c.rfmSegment = rs.getString("rfm_segment");
        c.purchaseCount = rs.getInt("purchase_count");
        c.totalSpent = rs.getBigDecimal("total_spent");
        c.firstPurchaseAt = instant(rs, "first_purchase_at");
        c.lastPurchaseAt = instant(rs, "last_purchase_at");
        c.erasedAt = instant(rs, "erased_at");
        c.version = rs.getLong("version");
        c.createdAt = instant(rs, "created_at");
        c.updatedAt = instant(rs, "updated_at");
        return c;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Short score(ResultSet rs, String column) throws SQLException {
        short s = rs.getShort(column);
        return rs.wasNull() ? null : s;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name.trim());
    }
}
