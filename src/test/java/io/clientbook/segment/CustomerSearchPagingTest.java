package io.clientbook.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Keyset paging through a large result stays exact while other requests add matching customers. */
@QuarkusTest
class CustomerSearchPagingTest extends SegmentTestData {

    static final int EXISTING = 600;

    @Inject
    DataSource ds;

    @Test
    void shouldPageWithoutGapsOrRepeatsWhileRowsAreInserted() throws Exception {
        String tag = unique("page");
        // Many rows quickly, by SQL; same created_at for groups of them, so the id tie-break is exercised too.
        sql(ds, """
                INSERT INTO customer (id, last_name, tags, total_spent, created_at, updated_at)
                SELECT gen_random_uuid(), 'Row ' || g, ARRAY[?], (g % 7) * 10, now() - interval '1 hour' + (g / 10) * interval '1 second', now()
                FROM generate_series(1, ?) g""", tag, EXISTING);
        Set<String> existing = new HashSet<>(idsMatching(tag));
        assertThat(existing).hasSize(EXISTING);

        for (String sort : List.of("createdAt", "-totalSpent", "lastName")) {
            AtomicBoolean paging = new AtomicBoolean(true);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<Integer> inserted = writer.submit(() -> {
                int n = 0;
                while (paging.get() && n < 200) {
                    customer(tag, Map.of("lastName", "Late " + n));
                    n++;
                }
                return n;
            });
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String body = "{\"filter\": {\"field\": \"tags\", \"op\": \"eq\", \"value\": \"" + tag + "\"}, \"sort\": \"" + sort
                        + "\", \"limit\": 37" + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}";
                JsonPath page = as("analyst").body(body).post("/api/v1/customers/search").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            paging.set(false);
            int added = inserted.get();
            writer.shutdown();

            assertThat(pages).as(sort).isGreaterThan(EXISTING / 37);
            assertThat(new HashSet<>(seen)).as(sort + ": no repeats").hasSameSizeAs(seen);
            assertThat(seen).as(sort + ": no gaps").containsAll(existing);
            assertThat(added).as("rows were inserted while paging").isPositive();
        }
    }

    private List<String> idsMatching(String tag) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = asAdmin().body("{\"filter\": {\"field\": \"tags\", \"op\": \"eq\", \"value\": \"" + tag + "\"}, \"limit\": 200"
                    + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}").post("/api/v1/customers/search")
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
