package io.clientbook.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.db.AdHocStatements;
import io.clientbook.customer.CustomerSort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;

/**
 * Segment statements are planned for their values however often they run on one connection: the driver
 * would make a statement run five times a server-side prepared one, and PostgreSQL may then settle on a
 * generic plan that does not know the filter's values ({@link AdHocStatements}). One transaction keeps
 * one connection, so its {@code pg_prepared_statements} shows which statements run in it were prepared.
 */
@QuarkusTest
class SegmentQueriesPlanningTest extends SegmentTestData {

    static final int RUNS = 12;

    @Inject
    SegmentQueries queries;
    @Inject
    SegmentService segments;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void shouldNeverPreparePagesOnTheServer() throws Exception {
        CompiledFilter filter = tagged(customerTagged("Paged"));

        List<String> prepared = preparedAfterRuns("::text AS sort_value FROM customer c WHERE",
                () -> assertThat(items(queries.page(filter, CustomerSort.Order.parse("createdAt"), null, 10, false))).hasSize(1));

        assertThat(prepared).isEmpty();
    }

    @Test
    void shouldNeverPrepareCountsOnTheServer() throws Exception {
        CompiledFilter filter = tagged(customerTagged("Counted"));

        List<String> prepared = preparedAfterRuns("SELECT count(*) FROM customer c WHERE",
                () -> assertThat(queries.count(filter)).isEqualTo(1));

        assertThat(prepared).isEmpty();
    }

    @Test
    void shouldSeeServerSideStatementsOfTheConnection() {
        // The checks above can fail: a statement the driver prepares as usual does show up.
        List<String> prepared = preparedAfterRuns("/* planning test */",
                () -> em.createNativeQuery("SELECT count(*) FROM customer c WHERE c.id = ?1 /* planning test */")
                        .setParameter(1, UUID.randomUUID()).getSingleResult());

        assertThat(prepared).hasSize(1);
    }

    private static String customerTagged(String lastName) {
        String tag = unique("plan");
        customer(tag, Map.of("lastName", lastName));
        return tag;
    }

    private CompiledFilter tagged(String tag) throws Exception {
        return segments.compile(json.readTree("{\"field\": \"tags\", \"op\": \"eq\", \"value\": \"" + tag + "\"}"));
    }

    /**
     * Runs {@code statement} {@link #RUNS} times in one transaction (so on one connection) and returns the
     * texts of the server-side prepared statements it left on that connection that contain {@code text}.
     */
    @SuppressWarnings("unchecked")
    private JsonNode items(Buffer page) {
        try {
            return json.readTree(page.getBytes()).get("items");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> preparedAfterRuns(String text, Runnable statement) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < RUNS; i++) {
                statement.run();
            }
            // Only those prepared in this transaction: a pooled connection keeps what earlier users prepared
            // (the customer list's statement, for one, begins as a segment page's does).
            return em.createNativeQuery("SELECT statement FROM pg_prepared_statements WHERE strpos(statement, ?1) > 0"
                    + " AND prepare_time >= now()", String.class).setParameter(1, text).getResultList();
        });
    }
}
