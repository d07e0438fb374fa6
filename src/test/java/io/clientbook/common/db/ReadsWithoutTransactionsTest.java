package io.clientbook.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.clientbook.common.web.RequestIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Reads that only read begin no transaction: services are transactional by class, so a pure helper of
 * theirs called once per row (a customer's consent, a rule's settings) or once per request (compiling a
 * filter) began and committed one of its own whenever the read had none.
 */
@QuarkusTest
class ReadsWithoutTransactionsTest extends ApiTest {

    @Inject
    TransactionsBegun transactions;

    @Test
    void shouldBeginNoTransactionForSearchesCountsAndLists() {
        String tag = unique("notx");
        for (int i = 0; i < 3; i++) {
            as("agent").body(Map.of("lastName", "Reader " + i, "tags", List.of(tag), "consent", Map.of("SMS", Map.of("granted", true))))
                    .post("/api/v1/customers").then().statusCode(201);
        }
        as("admin").body(Map.of("name", unique("notx-segment"), "filter", Map.of("field", "tags", "op", "eq", "value", tag)))
                .post("/api/v1/segments").then().statusCode(201);
        String filter = "{\"filter\": {\"field\": \"tags\", \"op\": \"eq\", \"value\": \"" + tag + "\"}}";

        String search = unique("req-search");
        request("agent", search).body(filter).post("/api/v1/customers/search").then().statusCode(200);
        String count = unique("req-count");
        request("agent", count).body(filter).post("/api/v1/customers/count").then().statusCode(200);
        String list = unique("req-list");
        request("agent", list).queryParam("tag", tag).get("/api/v1/customers").then().statusCode(200);
        String segments = unique("req-segments");
        request("admin", segments).get("/api/v1/segments").then().statusCode(200);
        String rules = unique("req-rules");
        request("admin", rules).get("/api/v1/follow-up-rules").then().statusCode(200);

        assertThat(List.of(search, count, list, segments, rules)).allSatisfy(id -> assertThat(transactions.forRequest(id))
                .as("transactions begun for %s", id).isZero());
    }

    @Test
    void shouldSeeTheTransactionOfAWrite() {
        // The check above can fail: a request that writes is seen beginning its transaction.
        String create = unique("req-create");
        request("agent", create).body(Map.of("lastName", "Writer")).post("/api/v1/customers").then().statusCode(201);

        assertThat(transactions.forRequest(create)).isPositive();
    }

    private static RequestSpecification request(String role, String requestId) {
        return as(role).header(RequestIds.HEADER, requestId);
    }
}
