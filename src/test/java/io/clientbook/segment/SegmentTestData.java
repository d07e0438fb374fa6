package io.clientbook.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.clientbook.ApiTest;

/** Data the segment tests create for themselves, through the API where it can and by SQL for computed columns. */
abstract class SegmentTestData extends ApiTest {

    /** A customer created through the API, tagged so each test can find only its own. */
    static String customer(String tag, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("lastName", "Segment");
        body.put("tags", body.containsKey("tags") ? body.get("tags") : List.of(tag));
        return as("agent").body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static String purchase(String customerId, String amount, Instant at, String product) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("externalId", unique("order"));
        body.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("amount", new java.math.BigDecimal(amount));
        body.put("currency", "EUR");
        body.put("product", product);
        body.put("channel", "ONLINE");
        return as("integration").body(body).post("/api/v1/purchases").then().statusCode(201).extract().path("id");
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS);
    }

    /** Computed columns (tier, RFM) are the tier job's: tests set them directly. */
    static void sql(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tagged(String tag, String inner) {
        return "{\"filter\": {\"and\": [{\"field\": \"tags\", \"op\": \"eq\", \"value\": \"" + tag + "\"}, " + inner + "]}}";
    }
}
