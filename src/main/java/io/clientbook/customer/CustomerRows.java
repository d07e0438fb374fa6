package io.clientbook.customer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Customers read from a plain JDBC result of {@code SELECT c.*}, for a page that is one statement the
 * service builds and plans for its values ({@code SegmentQueries}), which Hibernate cannot run. The
 * customers are not managed: they are for reading only. CustomerRowsTest checks every attribute of
 * the entity against what Hibernate reads from the same row.
 */
public final class CustomerRows {

    private CustomerRows() {
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
