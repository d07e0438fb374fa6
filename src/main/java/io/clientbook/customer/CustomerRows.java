package io.clientbook.customer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.paging.Cursor;
import io.clientbook.security.ContactMasking;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * Pages of customers in one JDBC statement each: the statement's keyset parts, and the page written as
 * JSON straight from its rows. The customer list, segment searches and segment members build their
 * statements here (a segment's is planned for its values, {@code AdHocStatements}, which Hibernate cannot
 * run).
 * <p>
 * A page is the {@code CustomerPage} schema, each item the {@code Customer} schema that
 * {@code CustomerResponse} describes and single reads serialize. Pages skip that way on purpose: an
 * entity, a response record and a consent map per customer, then Jackson's serializers over them, were
 * most of what the service added to a page's SQL. Here each value goes from the row to the JSON once
 * ({@link CustomerRowWriter}), and {@code CustomerRowsTest} holds every item to the single read of the
 * same customer, byte for byte, masked and not, in text and binary results.
 */
@ApplicationScoped
public class CustomerRows {

    /** Every column of a customer row, in the order of the positions below. */
    static final String COLUMNS = "c.id, c.external_ref, c.first_name, c.last_name, c.email, c.phone, c.gender,"
            + " c.birth_date, c.country, c.region, c.city, c.occupation, c.preferred_channel, c.consent, c.owner,"
            + " c.need_orientation, c.buying_stage, c.expected_purchase_date, c.not_buying_reason, c.tags, c.notes,"
            + " c.tier, c.tier_changed_at, c.rfm_recency, c.rfm_frequency, c.rfm_monetary, c.rfm_segment,"
            + " c.purchase_count, c.total_spent, c.first_purchase_at, c.last_purchase_at, c.erased_at, c.version,"
            + " c.created_at, c.updated_at";
    // Read by position: a name lookup per column and row was a twentieth of a page's time in the service.
    static final int ID = 1;
    static final int EXTERNAL_REF = 2;
    static final int FIRST_NAME = 3;
    static final int LAST_NAME = 4;
    static final int EMAIL = 5;
    static final int PHONE = 6;
    static final int GENDER = 7;
    static final int BIRTH_DATE = 8;
    static final int COUNTRY = 9;
    static final int REGION = 10;
    static final int CITY = 11;
    static final int OCCUPATION = 12;
    static final int PREFERRED_CHANNEL = 13;
    static final int CONSENT = 14;
    static final int OWNER = 15;
    static final int NEED_ORIENTATION = 16;
    static final int BUYING_STAGE = 17;
    static final int EXPECTED_PURCHASE_DATE = 18;
    static final int NOT_BUYING_REASON = 19;
    static final int TAGS = 20;
    static final int NOTES = 21;
    static final int TIER = 22;
    static final int TIER_CHANGED_AT = 23;
    static final int RFM_RECENCY = 24;
    static final int RFM_FREQUENCY = 25;
    static final int RFM_MONETARY = 26;
    static final int RFM_SEGMENT = 27;
    static final int PURCHASE_COUNT = 28;
    static final int TOTAL_SPENT = 29;
    static final int FIRST_PURCHASE_AT = 30;
    static final int LAST_PURCHASE_AT = 31;
    static final int CREATED_AT = 34;
    static final int UPDATED_AT = 35;
    /** About the size of a customer's JSON, to size a page's buffer. */
    private static final int BYTES_PER_CUSTOMER = 1024;
    /** The sort value, after {@link #COLUMNS}. */
    static final int SORT_VALUE = 36;

    @Inject
    ObjectMapper json;
    @Inject
    StoredConsent storedConsent;

    /** The start of a page statement, up to its conditions: every column and the sort value. */
    public static StringBuilder select(CustomerSort.Order order) {
        return new StringBuilder("SELECT ").append(COLUMNS).append(", (").append(order.sort().expression)
                .append(")::text AS sort_value FROM customer c WHERE ");
    }

    /**
     * The end of a page statement: after a cursor, (sort value, id) past it (two parameters, the
     * cursor's value and id, cast to their types); the order by sort value and id; the limit (a parameter,
     * to be bound to one more than the page's size: the extra row says that there is a next page).
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
     * Runs a page statement whose parameters are bound and writes the page's JSON: the first {@code size}
     * rows as items, and when a row follows them, the cursor after the last item. Contact data is masked
     * when {@code masked} ({@link ContactMasking}). A cursor value that PostgreSQL refuses to cast to the
     * sort's type (SQLSTATE class 22, data exception) was forged, as the service never makes one: that is
     * a 400 on the cursor.
     */
    public Buffer page(PreparedStatement ps, CustomerSort.Order order, Cursor after, int size, boolean masked)
            throws SQLException {
        // Written into the buffer the response is sent from: no copy of the page between the two.
        ByteBuf out = Unpooled.buffer(size * BYTES_PER_CUSTOMER);
        try (JsonGenerator g = json.createGenerator((OutputStream) new ByteBufOutputStream(out)); ResultSet rs = ps.executeQuery()) {
            CustomerRowWriter rows = new CustomerRowWriter(g, json.getSerializerProviderInstance(), storedConsent, masked);
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            int written = 0;
            String lastSortValue = null;
            String lastId = null;
            Cursor next = null;
            while (rs.next()) {
                if (written == size) {
                    next = new Cursor(order.key(), lastSortValue, UUID.fromString(lastId));
                    break;
                }
                rows.write(rs);
                if (++written == size) {
                    lastSortValue = rs.getString(SORT_VALUE);
                    lastId = rs.getString(ID);
                }
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", next == null ? null : next.encode());
            g.writeEndObject();
        } catch (SQLException e) {
            if (after != null && e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                throw Cursor.invalid();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("A page of customers could not be written", e);
        }
        return Buffer.buffer(out);
    }
}
