package io.clientbook.purchase;

import static io.clientbook.purchase.PurchaseFixtures.customer;
import static io.clientbook.purchase.PurchaseFixtures.newId;
import static io.clientbook.purchase.PurchaseFixtures.post;
import static io.clientbook.purchase.PurchaseFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomerPurchasesResourceTest extends ApiTest {

    private static List<String> allPages(String customerId, int limit, String includeVoid) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as("analyst").queryParam("limit", limit);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            if (includeVoid != null) {
                spec.queryParam("includeVoid", includeVoid);
            }
            var page = spec.get("/api/v1/customers/" + customerId + "/purchases").then().statusCode(200).extract();
            seen.addAll(page.path("items.externalId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void shouldPageNewestFirstWithoutGapsOrRepeats() {
        String customerId = customer();
        List<String> expected = new ArrayList<>();
        // Two purchases share each time, so the id must break ties across page boundaries.
        for (int day = 1; day <= 4; day++) {
            for (int k = 0; k < 2; k++) {
                expected.add((String) post("integration", purchase(customerId, "1", "2026-01-0" + day + "T10:00:00Z"))
                        .then().statusCode(201).extract().path("externalId"));
            }
        }
        post("integration", purchase(customer(), "1", "2026-01-05T10:00:00Z")).then().statusCode(201);

        List<String> seen = allPages(customerId, 3, null);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        // Newest first: the last two recorded (day 4) come first, the first two (day 1) last.
        assertThat(seen.subList(0, 2)).containsExactlyInAnyOrderElementsOf(expected.subList(6, 8));
        assertThat(seen.subList(6, 8)).containsExactlyInAnyOrderElementsOf(expected.subList(0, 2));
        assertThat(allPages(customerId, 200, null)).isEqualTo(seen);
    }

    @Test
    void shouldLeaveOutVoidPurchasesWhenAsked() {
        String customerId = customer();
        String kept = post("integration", purchase(customerId, "1")).then().statusCode(201).extract().path("externalId");
        String voidId = post("integration", purchase(customerId, "2")).then().statusCode(201).extract().path("id");
        as("agent").post("/api/v1/purchases/" + voidId + "/void").then().statusCode(200);

        assertThat(allPages(customerId, 50, null)).hasSize(2);
        assertThat(allPages(customerId, 50, "true")).hasSize(2);
        assertThat(allPages(customerId, 50, "false")).containsExactly(kept);
    }

    @Test
    void shouldReturn404ForUnknownCustomerAnd400ForBadParameters() {
        as("agent").get("/api/v1/customers/" + newId() + "/purchases").then().statusCode(404)
                .contentType("application/problem+json");
        String customerId = customer();
        as("agent").queryParam("includeVoid", "yes").get("/api/v1/customers/" + customerId + "/purchases").then()
                .statusCode(400).body("errors[0].field", equalTo("includeVoid"));
        as("agent").queryParam("cursor", "garbage!").get("/api/v1/customers/" + customerId + "/purchases").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("agent").queryParam("limit", 0).get("/api/v1/customers/" + customerId + "/purchases").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
