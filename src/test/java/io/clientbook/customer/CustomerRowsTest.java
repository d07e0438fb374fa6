package io.clientbook.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

import io.clientbook.ApiTest;
import io.clientbook.common.paging.Cursor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@link CustomerRows} writes a page's JSON straight from the rows, and single reads go through
 * {@code CustomerResponse}: for the same customer both must be the same bytes. The rows here have a value
 * in every column (with text that needs escaping), none where a column allows it, and stored consent in
 * every form the reading of it accepts; they are read as text and as binary results (which the driver uses
 * once it has prepared a statement on the server).
 */
@QuarkusTest
class CustomerRowsTest extends ApiTest {

    @Inject
    DataSource dataSource;
    @Inject
    CustomerRows rows;
    @Inject
    StoredConsent storedConsent;
    @Inject
    EntityManager em;

    @Test
    void shouldWriteEachRowAsItsSingleReadIsWritten() throws Exception {
        String tag = unique("rows");
        List<UUID> ids = CustomerRowFixtures.insertEveryKind(dataSource, tag);
        for (String role : List.of("agent", "analyst")) {
            String expected = singlesAsPage(role, ids);
            boolean masked = role.equals("analyst");
            assertThat(page(ids, 50, masked, false, null)).as("text results, %s", role).isEqualTo(expected);
            assertThat(page(ids, 50, masked, true, null)).as("binary results, %s", role).isEqualTo(expected);
            // Timestamps with an offset other than +00 are read as instants rather than rewritten.
            assertThat(page(ids, 50, masked, false, null, "Asia/Kathmandu")).as("text results, +05:45, %s", role)
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldServeEveryPageOfCustomersAsTheirSingleReads() throws Exception {
        String tag = unique("rows");
        List<UUID> ids = CustomerRowFixtures.insertEveryKind(dataSource, tag);
        String filter = "{\"field\": \"tags\", \"op\": \"eq\", \"value\": \"" + tag + "\"}";
        String segment = as("agent").body("{\"name\": \"" + tag + "\", \"filter\": " + filter + "}").post("/api/v1/segments")
                .then().statusCode(201).extract().path("id");
        for (String role : List.of("agent", "analyst")) {
            String expected = singlesAsPage(role, ids);
            // The list's statement is prepared on the server from its sixth run on, and its results come in binary.
            for (int i = 0; i < 8; i++) {
                as(role).get("/api/v1/customers?tag=" + tag).then().statusCode(200)
                        .contentType("application/json;charset=UTF-8").body(equalTo(expected));
            }
            as(role).body("{\"filter\": " + filter + "}").post("/api/v1/customers/search").then().statusCode(200)
                    .contentType("application/json;charset=UTF-8").body(equalTo(expected));
            as(role).get("/api/v1/segments/" + segment + "/customers").then().statusCode(200)
                    .contentType("application/json;charset=UTF-8").body(equalTo(expected));
        }
    }

    @Test
    void shouldEndAFullPageWithTheCursorOfItsLastItem() throws Exception {
        List<UUID> ids = CustomerRowFixtures.insertEveryKind(dataSource, unique("rows"));

        JsonPath first = new JsonPath(page(ids, 2, false, false, null));
        assertThat(first.getList("items.id")).containsExactly(ids.get(0).toString(), ids.get(1).toString());
        Cursor next = Cursor.decode(first.getString("nextCursor"), CustomerSort.Order.DEFAULT.key());
        assertThat(next.id()).isEqualTo(ids.get(1));

        JsonPath rest = new JsonPath(page(ids, 2, false, false, next));
        assertThat(rest.getList("items.id")).containsExactly(ids.get(2).toString(), ids.get(3).toString());
        assertThat(rest.getString("nextCursor")).as("no row follows").isNull();
    }

    @Test
    void shouldRefuseStoredConsentThatReadingItIntoConsentsRefuses() throws Exception {
        // Stored consent is always an object (a CHECK), and unreadable rows are deleted again: other tests page everyone.
        for (String consent : List.of("{\"FAX\": {\"granted\": true}}", "{\"SMS\": true}",
                "{\"SMS\": {\"granted\": \"yes\"}}", "{\"SMS\": {\"granted\": true, \"by\": \"x\"}}",
                "{\"SMS\": {\"at\": \"yesterday\"}}", "{\"SMS\": {\"at\": \"0000-06-01T00:00:00Z\"}}", "{\"SMS\": {\"at\": 1700000000}}", "{\"SMS\": {\"granted\": [true]}}")) {
            UUID id = CustomerRowFixtures.insertSparse(dataSource, unique("rows"), consent);
            try {
                assertThatThrownBy(() -> page(List.of(id), 50, false, false, null)).as(consent)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(id.toString());
                Customer c = QuarkusTransaction.requiringNew().call(() -> em.find(Customer.class, id));
                assertThatThrownBy(() -> storedConsent.of(c)).as("read into consents: %s", consent)
                        .isInstanceOf(IllegalStateException.class);
            } finally {
                CustomerRowFixtures.delete(dataSource, List.of(id));
            }
        }
    }

    /** What a page of these customers must be: their single reads (through CustomerResponse) as its items. */
    private static String singlesAsPage(String role, List<UUID> ids) {
        List<String> singles = new ArrayList<>();
        for (UUID id : ids) {
            singles.add(as(role).get("/api/v1/customers/" + id).then().statusCode(200).extract().asString());
        }
        return "{\"items\":[" + String.join(",", singles) + "],\"nextCursor\":null}";
    }

    /** The page {@link CustomerRows} writes for these customers, oldest first, as text or binary results. */
    private String page(List<UUID> ids, int size, boolean masked, boolean binary, Cursor after) throws Exception {
        return page(ids, size, masked, binary, after, "UTC");
    }

    private String page(List<UUID> ids, int size, boolean masked, boolean binary, Cursor after, String timeZone) throws Exception {
        StringBuilder sql = CustomerRows.select(CustomerSort.Order.DEFAULT).append("c.id = ANY (?)");
        CustomerRows.appendKeyset(sql, CustomerSort.Order.DEFAULT, after != null);
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql.toString());
                Statement session = connection.createStatement()) {
            session.execute("SET TimeZone = '" + timeZone + "'");
            if (binary) {
                // -1: prepared on the server, with binary results, from the first execution.
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            int i = 1;
            ps.setArray(i++, connection.createArrayOf("uuid", ids.toArray()));
            if (after != null) {
                ps.setString(i++, after.value());
                ps.setString(i++, after.id().toString());
            }
            ps.setInt(i, size + 1);
            try {
                return rows.page(ps, CustomerSort.Order.DEFAULT, after, size, masked).toString(StandardCharsets.UTF_8);
            } finally {
                session.execute("RESET TimeZone");
            }
        }
    }

}
