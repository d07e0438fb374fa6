package io.clientbook.segment;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.common.db.AdHocStatements;
import io.clientbook.common.db.StatementTimeouts;
import io.clientbook.common.paging.Cursor;
import io.clientbook.customer.CustomerRows;
import io.clientbook.customer.CustomerSort;
import io.vertx.core.buffer.Buffer;

/**
 * The SQL of segmentation, in one place: pages, counts, breakdowns and the export cursor over the
 * customers a {@link CompiledFilter} selects. Plain JDBC on purpose: the condition is one
 * parameterised SQL text whose shape depends on the filter, and the export must stream from a
 * server-side cursor with a fetch size, which an ORM query would not give. Every statement is planned
 * for its values ({@link AdHocStatements}): a filter's selectivity depends wholly on them, and a
 * generic plan could walk the sort index where an index on the condition is right.
 */
@ApplicationScoped
public class SegmentQueries {

    @Inject
    DataSource dataSource;
    @Inject
    StatementTimeouts statementTimeouts;
    @Inject
    CustomerRows rows;

    /** How many customers of one value of a breakdown (value null: not set). */
    public record Bucket(String value, long count) {
    }

    /** The size of a member set and its breakdowns. */
    public record Breakdown(long count, List<Bucket> byTier, List<Bucket> byRfmSegment, List<Bucket> byRegion,
            List<Bucket> byBuyingStage) {
    }

    /** Receives export rows one at a time; the result set is positioned on the row. */
    @FunctionalInterface
    public interface RowWriter {
        void write(ResultSet row) throws SQLException, IOException;
    }

    /**
     * One keyset page in one query, written as the page's JSON from the result ({@link CustomerRows}), contact
     * data masked when {@code masked}. The sort expressions are those of {@link CustomerSort}, which have
     * indexes. One query, not ids first and then the customers by id: the second query fetched again the
     * rows the first had just visited, and cost 10-25 % of a page's time through HTTP.
     */
    public Buffer page(CompiledFilter filter, CustomerSort.Order order, Cursor after, int size, boolean masked) {
        StringBuilder sql = CustomerRows.select(order).append(filter.sql());
        CustomerRows.appendKeyset(sql, order, after != null);
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = AdHocStatements.prepare(conn, sql.toString())) {
            int i = filter.bind(ps, 1);
            if (after != null) {
                ps.setString(i++, after.value());
                ps.setString(i++, after.id().toString());
            }
            ps.setInt(i, size + 1);
            return rows.page(ps, order, after, size, masked);
        } catch (SQLException e) {
            throw new IllegalStateException("Segment page query failed", e);
        }
    }

    public long count(CompiledFilter filter) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = AdHocStatements.prepare(conn,
                        "SELECT count(*) FROM customer c WHERE " + filter.sql())) {
            filter.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Segment count failed", e);
        }
    }

    /** Count and breakdowns in one pass over the members (GROUPING SETS), not one query per breakdown. */
    public Breakdown breakdown(CompiledFilter filter) {
        String sql = "SELECT GROUPING(c.tier), GROUPING(c.rfm_segment), GROUPING(c.region), GROUPING(c.buying_stage),"
                + " c.tier, c.rfm_segment, c.region, c.buying_stage, count(*) FROM customer c WHERE " + filter.sql()
                + " GROUP BY GROUPING SETS ((), (c.tier), (c.rfm_segment), (c.region), (c.buying_stage))";
        long total = 0;
        Map<String, List<Bucket>> by = new LinkedHashMap<>();
        for (String k : List.of("tier", "rfm", "region", "stage")) {
            by.put(k, new ArrayList<>());
        }
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = AdHocStatements.prepare(conn, sql)) {
            filter.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(9);
                    if (rs.getInt(1) == 0) {
                        by.get("tier").add(new Bucket(rs.getString(5), n));
                    } else if (rs.getInt(2) == 0) {
                        by.get("rfm").add(new Bucket(rs.getString(6), n));
                    } else if (rs.getInt(3) == 0) {
                        by.get("region").add(new Bucket(rs.getString(7), n));
                    } else if (rs.getInt(4) == 0) {
                        by.get("stage").add(new Bucket(rs.getString(8), n));
                    } else {
                        total = n;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Segment stats failed", e);
        }
        Comparator<Bucket> order = Comparator.comparingLong(Bucket::count).reversed()
                .thenComparing(Bucket::value, Comparator.nullsLast(Comparator.naturalOrder()));
        by.values().forEach(list -> list.sort(order));
        return new Breakdown(total, by.get("tier"), by.get("rfm"), by.get("region"), by.get("stage"));
    }

    /** The columns of an export row, in {@link #EXPORT_SELECT}'s order. */
    public static final List<String> EXPORT_COLUMNS = List.of("id", "externalRef", "firstName", "lastName", "email", "phone",
            "gender", "birthDate", "country", "region", "city", "occupation", "preferredChannel", "consentedChannels", "owner",
            "needOrientation", "buyingStage", "expectedPurchaseDate", "notBuyingReason", "tags", "notes", "tier",
            "rfmRecency", "rfmFrequency", "rfmMonetary", "rfmSegment", "purchaseCount", "totalSpent", "firstPurchaseAt",
            "lastPurchaseAt", "createdAt", "updatedAt");

    private static final String EXPORT_SELECT = "SELECT c.id, c.external_ref, c.first_name, c.last_name, c.email, c.phone,"
            + " c.gender, c.birth_date, c.country, c.region, c.city, c.occupation, c.preferred_channel,"
            + " array_to_string(ARRAY(SELECT e.key FROM jsonb_each(c.consent) e WHERE e.value ->> 'granted' = 'true'"
            + " ORDER BY e.key), ';'), c.owner, c.need_orientation, c.buying_stage, c.expected_purchase_date,"
            + " c.not_buying_reason, array_to_string(c.tags, ';'), c.notes, c.tier, c.rfm_recency, c.rfm_frequency,"
            + " c.rfm_monetary, c.rfm_segment, c.purchase_count, c.total_spent, c.first_purchase_at, c.last_purchase_at,"
            + " c.created_at, c.updated_at FROM customer c WHERE ";

    /**
     * Streams every member through {@code writer}, in creation order, from a server-side cursor
     * ({@code fetchSize} rows at a time, in a read-only transaction of its own): memory does not
     * grow with the segment.
     */
    public void export(CompiledFilter filter, int fetchSize, RowWriter writer) throws IOException {
        try (Connection conn = dataSource.getConnection()) {
            boolean autoCommit = conn.getAutoCommit();
            // PostgreSQL only honours the fetch size inside a transaction; otherwise it reads the whole result.
            conn.setAutoCommit(false);
            // The job bound, which PostgreSQL applies to each fetch, not the whole stream: the first fetch
            // (which sorts the members) may take long; a slow reader can take as long as it likes.
            statementTimeouts.extendForJob(conn);
            try (PreparedStatement ps = AdHocStatements.prepare(conn, EXPORT_SELECT + filter.sql() + " ORDER BY c.created_at, c.id")) {
                ps.setFetchSize(fetchSize);
                filter.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        writer.write(rs);
                    }
                }
            } finally {
                conn.rollback();
                conn.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("Segment export failed", e);
        }
    }
}
