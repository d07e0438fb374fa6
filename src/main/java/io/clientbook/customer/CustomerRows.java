package io.clientbook.customer;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.engine.spi.SelfDirtinessTracker;

import io.clientbook.common.db.PostgresText;
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

    /**
     * Every column of a customer row, in the order {@link #read} takes them: by position, as a name lookup
     * per column and row was a twentieth of a page's time in the service.
     */
    static final String COLUMNS = "c.id, c.external_ref, c.first_name, c.last_name, c.email, c.phone, c.gender,"
            + " c.birth_date, c.country, c.region, c.city, c.occupation, c.preferred_channel, c.consent, c.owner,"
            + " c.need_orientation, c.buying_stage, c.expected_purchase_date, c.not_buying_reason, c.tags, c.notes,"
            + " c.tier, c.tier_changed_at, c.rfm_recency, c.rfm_frequency, c.rfm_monetary, c.rfm_segment,"
            + " c.purchase_count, c.total_spent, c.first_purchase_at, c.last_purchase_at, c.erased_at, c.version,"
            + " c.created_at, c.updated_at";
    /** The position of the sort value, after {@link #COLUMNS}. */
    private static final int SORT_VALUE = 36;

    /** The start of a page statement, up to its conditions: every column and the sort value. */
    public static StringBuilder select(CustomerSort.Order order) {
        return new StringBuilder("SELECT ").append(COLUMNS).append(", (").append(order.sort().expression)
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
                rows.add(new Row(read(rs), rs.getString(SORT_VALUE)));
            }
        } catch (SQLException e) {
            if (after != null && e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                throw Cursor.invalid();
            }
            throw e;
        }
        return rows;
    }

    /**
     * The customer on the current row of {@code rs}, whose first columns are {@link #COLUMNS}. Hibernate's
     * change tracking is off for it: it is not managed, and tracking each field set (a linear search of the
     * fields set so far) cost as much as reading the row.
     */
    public static Customer read(ResultSet rs) throws SQLException {
        Customer c = new Customer();
        if (c instanceof SelfDirtinessTracker tracked) {
            tracked.$$_hibernate_suspendDirtyTracking(true);
        }
        c.id = rs.getObject(1, UUID.class);
        c.externalRef = rs.getString(2);
        c.firstName = rs.getString(3);
        c.lastName = rs.getString(4);
        c.email = rs.getString(5);
        c.phone = rs.getString(6);
        c.gender = value(Gender.class, rs.getString(7));
        c.birthDate = PostgresText.localDate(rs, 8);
        c.country = rs.getString(9);
        c.region = rs.getString(10);
        c.city = rs.getString(11);
        c.occupation = rs.getString(12);
        c.preferredChannel = value(ContactChannel.class, rs.getString(13));
        c.consent = rs.getString(14);
        c.owner = rs.getString(15);
        c.needOrientation = value(NeedOrientation.class, rs.getString(16));
        c.buyingStage = value(BuyingStage.class, rs.getString(17));
        c.expectedPurchaseDate = PostgresText.localDate(rs, 18);
        c.notBuyingReason = rs.getString(19);
        Array tags = rs.getArray(20);
        c.tags = (String[]) tags.getArray();
        c.notes = rs.getString(21);
        c.tier = value(Tier.class, rs.getString(22));
        c.tierChangedAt = PostgresText.instant(rs, 23);
        c.rfmRecency = score(rs, 24);
        c.rfmFrequency = score(rs, 25);
        c.rfmMonetary = score(rs, 26);
        c.rfmSegment = rs.getString(27);
        c.purchaseCount = rs.getInt(28);
        c.totalSpent = rs.getBigDecimal(29);
        c.firstPurchaseAt = PostgresText.instant(rs, 30);
        c.lastPurchaseAt = PostgresText.instant(rs, 31);
        c.erasedAt = PostgresText.instant(rs, 32);
        c.version = rs.getLong(33);
        c.createdAt = PostgresText.instant(rs, 34);
        c.updatedAt = PostgresText.instant(rs, 35);
        return c;
    }

    private static Short score(ResultSet rs, int column) throws SQLException {
        short s = rs.getShort(column);
        return rs.wasNull() ? null : s;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name.trim());
    }
}
