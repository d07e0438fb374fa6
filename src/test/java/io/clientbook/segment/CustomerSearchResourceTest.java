package io.clientbook.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.common.paging.Cursor;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomerSearchResourceTest extends SegmentTestData {

    @Inject
    DataSource ds;

    List<String> idsOf(String role, String body) {
        return as(role).body(body).post("/api/v1/customers/search").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    long countOf(String body) {
        return as("analyst").body(body).post("/api/v1/customers/count").then().statusCode(200).extract().jsonPath().getLong("count");
    }

    @Test
    void shouldFindAndCountCustomersWithANestedFilter() {
        String tag = unique("nest");
        String northWoman = customer(tag, Map.of("region", "North", "gender", "FEMALE", "birthDate", "1980-05-01"));
        String northMan = customer(tag, Map.of("region", "North", "gender", "MALE", "birthDate", "2000-05-01"));
        String south = customer(tag, Map.of("region", "South", "gender", "FEMALE"));
        String noRegion = customer(tag, Map.of("gender", "OTHER", "occupation", "Software Engineer"));

        String filter = tagged(tag, """
                {"or": [{"and": [{"field": "region", "op": "eq", "value": "North"}, {"field": "age", "op": "gte", "value": 40}]},
                        {"field": "occupation", "op": "contains", "value": "ENGINEER"}]}""");
        assertThat(idsOf("agent", filter)).containsExactlyInAnyOrder(northWoman, noRegion);
        assertThat(countOf(filter)).isEqualTo(2);

        // neq and not are complements: the customer without a region matches them.
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"region\", \"op\": \"neq\", \"value\": \"North\"}")))
                .containsExactlyInAnyOrder(south, noRegion);
        assertThat(idsOf("agent", tagged(tag, "{\"not\": {\"field\": \"region\", \"op\": \"in\", \"value\": [\"North\"]}}")))
                .containsExactlyInAnyOrder(south, noRegion);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"region\", \"op\": \"exists\", \"value\": false}"))).containsExactly(noRegion);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"gender\", \"op\": \"in\", \"value\": [\"MALE\", \"OTHER\"]}")))
                .containsExactlyInAnyOrder(northMan, noRegion);
    }

    @Test
    void shouldMatchPurchaseAggregatesOverAWindowIgnoringVoidPurchases() {
        String tag = unique("buy");
        String twiceRecently = customer(tag, Map.of());
        purchase(twiceRecently, "30.00", daysAgo(3), "Desk lamp");
        purchase(twiceRecently, "45.50", daysAgo(20), "Desk lamp");
        String onceAndVoided = customer(tag, Map.of());
        purchase(onceAndVoided, "30.00", daysAgo(2), "Desk lamp");
        String voided = purchase(onceAndVoided, "30.00", daysAgo(4), "Desk lamp");
        as("integration").body("{\"reason\": \"refund\"}").post("/api/v1/purchases/" + voided + "/void").then().statusCode(200);
        String longAgo = customer(tag, Map.of());
        purchase(longAgo, "500.00", daysAgo(100), "Desk lamp");
        purchase(longAgo, "500.00", daysAgo(120), "Desk lamp");
        String never = customer(tag, Map.of());
        // Its newest purchase is void: "a purchase in 30 days" must not see it (the window is answered
        // from the customer's purchase statistics, which a void recomputes).
        String latestVoided = customer(tag, Map.of());
        purchase(latestVoided, "20.00", daysAgo(40), "Desk lamp");
        String latest = purchase(latestVoided, "20.00", daysAgo(1), "Desk lamp");
        as("integration").body("{\"reason\": \"refund\"}").post("/api/v1/purchases/" + latest + "/void").then().statusCode(200);

        String twice = "{\"purchases\": {\"withinDays\": 30, \"product\": \"Desk lamp\"}, \"op\": \"gte\", \"count\": 2}";
        assertThat(idsOf("agent", tagged(tag, twice))).containsExactly(twiceRecently);
        String lessThanTwice = "{\"purchases\": {\"withinDays\": 30}, \"op\": \"lt\", \"count\": 2}";
        assertThat(idsOf("agent", tagged(tag, lessThanTwice))).containsExactlyInAnyOrder(onceAndVoided, longAgo, never, latestVoided);
        assertThat(idsOf("agent", tagged(tag, "{\"purchases\": {\"withinDays\": 30}}"))).containsExactlyInAnyOrder(twiceRecently, onceAndVoided);
        assertThat(idsOf("agent", tagged(tag, "{\"not\": {\"purchases\": {\"withinDays\": 30}}}")))
                .containsExactlyInAnyOrder(longAgo, never, latestVoided);
        assertThat(idsOf("agent", tagged(tag, "{\"purchases\": {}}"))).containsExactlyInAnyOrder(twiceRecently, onceAndVoided, longAgo, latestVoided);
        assertThat(idsOf("agent", tagged(tag, "{\"not\": {\"purchases\": {}}}"))).containsExactly(never);
        assertThat(idsOf("agent", tagged(tag, "{\"purchases\": {}, \"op\": \"gt\", \"sum\": 75.49}")))
                .containsExactlyInAnyOrder(twiceRecently, longAgo);
        assertThat(idsOf("agent", tagged(tag, "{\"purchases\": {\"product\": \"Sofa\"}}"))).isEmpty();
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"stats.lastPurchaseAt\", \"op\": \"olderThanDays\", \"value\": 90}")))
                .containsExactly(longAgo);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"stats.purchaseCount\", \"op\": \"eq\", \"value\": 0}"))).containsExactly(never);
    }

    @Test
    void shouldMatchComplaintAndContactLogConditions() {
        String tag = unique("care");
        String complaining = customer(tag, Map.of());
        as("agent").body(Map.of("customerId", complaining, "subject", "Broken", "severity", "HIGH")).post("/api/v1/complaints")
                .then().statusCode(201);
        String contacted = customer(tag, Map.of());
        as("agent").body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "Monthly call"))
                .post("/api/v1/customers/" + contacted + "/interactions").then().statusCode(201);
        String contactedLongAgo = customer(tag, Map.of());
        as("agent").body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "Old call",
                "occurredAt", daysAgo(45).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                .post("/api/v1/customers/" + contactedLongAgo + "/interactions").then().statusCode(201);

        assertThat(idsOf("agent", tagged(tag, "{\"complaints\": {\"open\": true}}"))).containsExactly(complaining);
        assertThat(idsOf("agent", tagged(tag, "{\"complaints\": {\"withinDays\": 30}, \"op\": \"gte\", \"count\": 1}")))
                .containsExactly(complaining);
        assertThat(idsOf("agent", tagged(tag, "{\"not\": {\"interactions\": {\"withinDays\": 30}}}")))
                .containsExactlyInAnyOrder(complaining, contactedLongAgo);
    }

    @Test
    void shouldMatchTierRfmConsentAndBirthdays() {
        String tag = unique("tier");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String a = customer(tag, Map.of("birthDate", today.plusDays(3).withYear(1990).toString(),
                "consent", Map.of("SMS", Map.of("granted", true))));
        String b = customer(tag, Map.of("birthDate", today.plusDays(20).withYear(1990).toString(),
                "consent", Map.of("SMS", Map.of("granted", false))));
        String unscored = customer(tag, Map.of());
        sql(ds, "UPDATE customer SET tier = 'A', rfm_segment = 'AT_RISK', rfm_recency = 2 WHERE id = ?", UUID.fromString(a));
        sql(ds, "UPDATE customer SET tier = 'B', rfm_segment = 'CHAMPIONS', rfm_recency = 5 WHERE id = ?", UUID.fromString(b));

        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"A\"}"))).containsExactly(a);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"rfm.segment\", \"op\": \"in\", \"value\": [\"AT_RISK\", \"CANNOT_LOSE\"]}")))
                .containsExactly(a);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"rfm.recency\", \"op\": \"gte\", \"value\": 3}"))).containsExactly(b);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"tier\", \"op\": \"neq\", \"value\": \"A\"}"))).containsExactlyInAnyOrder(b, unscored);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"birthdayWithinDays\", \"op\": \"lte\", \"value\": 7}"))).containsExactly(a);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"consent.SMS\", \"op\": \"eq\", \"value\": false}")))
                .containsExactlyInAnyOrder(b, unscored);
    }

    @Test
    void shouldNeverMatchErasedCustomers() {
        String tag = unique("erased");
        String kept = customer(tag, Map.of());
        String erased = customer(tag, Map.of());
        sql(ds, "UPDATE customer SET erased_at = now() WHERE id = ?", UUID.fromString(erased));
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"lastName\", \"op\": \"exists\", \"value\": true}"))).containsExactly(kept);
        assertThat(idsOf("agent", tagged(tag, "{\"not\": {\"field\": \"region\", \"op\": \"eq\", \"value\": \"X\"}}"))).containsExactly(kept);
        assertThat(countOf(tagged(tag, "{\"field\": \"tags\", \"op\": \"exists\", \"value\": true}"))).isEqualTo(1);
    }

    @Test
    void shouldMaskContactDataForAnalystsOnly() {
        String tag = unique("mask");
        String id = customer(tag, Map.of("email", "mei.chen@example.com", "phone", "+44 20 7946 0958", "birthDate", "1988-04-12"));
        String filter = tagged(tag, "{\"field\": \"id\", \"op\": \"eq\", \"value\": \"" + id + "\"}");
        as("analyst").body(filter).post("/api/v1/customers/search").then().statusCode(200)
                .body("items[0].email", equalTo("m***@example.com"))
                .body("items[0].phone", equalTo("+** ** **** **58"))
                .body("items[0].birthDate", nullValue());
        as("integration").body(filter).post("/api/v1/customers/search").then().statusCode(200)
                .body("items[0].email", equalTo("mei.chen@example.com"))
                .body("items[0].birthDate", equalTo("1988-04-12"));
    }

    @Test
    void shouldTreatHostileValuesAsPlainData() {
        String tag = unique("hostile");
        String hostile = "'; DROP TABLE customer; --";
        String id = customer(tag, Map.of("region", hostile, "notes", "100% _sure_ \\ x"));
        String region = "{\"field\": \"region\", \"op\": \"eq\", \"value\": \"'; DROP TABLE customer; --\"}";
        assertThat(idsOf("agent", tagged(tag, region))).containsExactly(id);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"region\", \"op\": \"eq\", \"value\": \"x' OR '1'='1\"}"))).isEmpty();
        // LIKE wildcards in a value are literal characters.
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"notes\", \"op\": \"contains\", \"value\": \"0% _s\"}"))).containsExactly(id);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"notes\", \"op\": \"contains\", \"value\": \"%\"}"))).containsExactly(id);
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"notes\", \"op\": \"contains\", \"value\": \"1_0\"}"))).isEmpty();
        as("agent").get("/api/v1/customers/" + id).then().statusCode(200);
    }

    @Test
    void shouldRejectValuesTheDatabaseCannotTakeAndCompareTimesAtAnyOffset() {
        // A NUL failed the query (500); an unpaired surrogate was quietly searched for as '?'; a year
        // beyond 9999 failed in PostgreSQL (500); so did a legal +18:00 offset, which must simply compare.
        as("agent").body("{\"filter\": {\"field\": \"lastName\", \"op\": \"eq\", \"value\": \"a\\u0000b\"}}")
                .post("/api/v1/customers/search").then().statusCode(400).body("errors[0].field", equalTo("filter.value"));
        as("agent").body("{\"filter\": {\"purchases\": {\"product\": \"\\ud800\"}}}")
                .post("/api/v1/customers/count").then().statusCode(400).body("errors[0].field", equalTo("filter.purchases.product"));
        as("agent").body("{\"filter\": {\"field\": \"createdAt\", \"op\": \"gt\", \"value\": \"+999999999-12-31T23:59:59Z\"}}")
                .post("/api/v1/customers/count").then().statusCode(400).body("errors[0].field", equalTo("filter.value"));
        String tag = unique("offset");
        String id = customer(tag, Map.of());
        assertThat(idsOf("agent", tagged(tag, "{\"field\": \"createdAt\", \"op\": \"gt\", \"value\": \"2000-01-01T00:00:00+18:00\"}")))
                .containsExactly(id);
    }

    @Test
    void shouldAnswer400PointingAtTheWrongNode() {
        as("agent").body("""
                {"filter": {"and": [{"field": "tier", "op": "eq", "value": "A"}, {"field": "region", "op": "eq", "value": "N"},
                 {"field": "stats.totalSpent", "op": "gt", "value": "lots"}]}}""")
                .post("/api/v1/customers/search").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("filter.and[2].value"))
                .body("errors[0].message", containsString("number"));
        as("agent").body("{\"filter\": {\"and\": []}}").post("/api/v1/customers/count").then().statusCode(400)
                .body("errors[0].field", equalTo("filter.and"));
        as("agent").body("{\"filter\": {\"field\": \"salary\", \"op\": \"gt\", \"value\": 1}}").post("/api/v1/customers/count")
                .then().statusCode(400).body("errors[0].field", equalTo("filter.field"));
        as("agent").body("{\"filter\": {\"field\": \"region\", \"op\": \"gt\", \"value\": \"N\"}}").post("/api/v1/customers/count")
                .then().statusCode(400).body("errors[0].field", equalTo("filter.op"));
        as("agent").body("{\"filter\": null, \"sort\": \"salary\"}").post("/api/v1/customers/search").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        as("agent").body("{\"limit\": 500}").post("/api/v1/customers/search").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("agent").body("{\"cursor\": \"bm9wZQ\"}").post("/api/v1/customers/search").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        // A well-formed cursor whose value is not of the sort's type: forged, as the service never makes one.
        String forged = new Cursor("createdAt", "not-a-time", UUID.randomUUID()).encode();
        as("agent").body("{\"cursor\": \"" + forged + "\"}").post("/api/v1/customers/search").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("agent").body("{\"filtre\": {}}").post("/api/v1/customers/search").then().statusCode(400)
                .body("errors.field", hasItem("filtre"));
        StringBuilder deep = new StringBuilder("{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"A\"}");
        for (int i = 0; i < 8; i++) {
            deep.insert(0, "{\"not\": ").append('}');
        }
        as("agent").body("{\"filter\": " + deep + "}").post("/api/v1/customers/count").then().statusCode(400)
                .body("errors[0].message", containsString("at most 8 levels"));
    }
}
