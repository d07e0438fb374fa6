package io.clientbook.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SegmentResourceTest extends SegmentTestData {

    @Inject
    DataSource ds;

    static String segmentBody(String name, String tag) {
        return """
                {"name": "%s", "description": "tagged %s", "filter": {"field": "tags", "op": "eq", "value": "%s"}}""".formatted(name, tag, tag);
    }

    @Test
    void shouldCreateReadReplaceAndDeleteASegmentWithETags() {
        String tag = unique("crud");
        String name = unique("Segment");
        var created = as("agent").body(segmentBody(name, tag)).post("/api/v1/segments").then().statusCode(201)
                .header("Location", containsString("/api/v1/segments/")).header("ETag", equalTo("\"0\""))
                .body("name", equalTo(name)).body("owner", equalTo("test-agent")).body("createdBy", equalTo("test-agent"))
                .body("filter.field", equalTo("tags"));
        String id = created.extract().path("id");

        as("integration").get("/api/v1/segments/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("filter.value", equalTo(tag));
        as("analyst").get("/api/v1/segments?limit=200").then().statusCode(200);

        // Unique name regardless of case.
        as("agent").body(segmentBody(name.toUpperCase(), tag)).post("/api/v1/segments").then().statusCode(409)
                .body("existingId", equalTo(id));

        String replacement = """
                {"name": "%s", "filter": {"or": [{"field": "tags", "op": "eq", "value": "%s"}, {"field": "tier", "op": "eq", "value": "A"}]},
                 "owner": "j.smith"}""".formatted(name + " v2", tag);
        as("agent").header("If-Match", "\"7\"").body(replacement).put("/api/v1/segments/" + id).then().statusCode(412);
        as("agent").header("If-Match", "\"0\"").body(replacement).put("/api/v1/segments/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo(name + " v2")).body("owner", equalTo("j.smith"))
                .body("description", equalTo(null)).body("filter.or[1].field", equalTo("tier"));

        as("agent").header("If-Match", "\"0\"").delete("/api/v1/segments/" + id).then().statusCode(412);
        as("agent").header("If-Match", "\"1\"").delete("/api/v1/segments/" + id).then().statusCode(204);
        as("agent").get("/api/v1/segments/" + id).then().statusCode(404);
    }

    @Test
    void shouldValidateTheFilterOnSave() {
        as("agent").body("""
                {"name": "%s", "filter": {"or": [{"field": "tier", "op": "eq", "value": "A"}, {"field": "tier", "op": "like", "value": "A"}]}}"""
                .formatted(unique("bad"))).post("/api/v1/segments").then().statusCode(400)
                .body("errors[0].field", equalTo("filter.or[1].op"));
        as("agent").body("{\"name\": \"" + unique("nofilter") + "\"}").post("/api/v1/segments").then().statusCode(400)
                .body("errors.field", hasItem("filter"));
        as("agent").body("{\"name\": \" \", \"filter\": {\"field\": \"tier\", \"op\": \"eq\", \"value\": \"A\"}}")
                .post("/api/v1/segments").then().statusCode(400).body("errors.field", hasItem("name"));
        as("agent").body("{\"name\": \"x\", \"filter\": {\"field\": \"tier\", \"op\": \"eq\", \"value\": \"A\"}, \"colour\": 1}")
                .post("/api/v1/segments").then().statusCode(400).body("errors.field", hasItem("colour"));
    }

    @Test
    void shouldPageMembersAndBreakThemDown() {
        String tag = unique("stats");
        String a1 = customer(tag, Map.of("region", "North", "buyingStage", "CUSTOMER"));
        String a2 = customer(tag, Map.of("region", "North", "buyingStage", "INTERESTED"));
        String b = customer(tag, Map.of("region", "South", "buyingStage", "CUSTOMER"));
        String none = customer(tag, Map.of());
        sql(ds, "UPDATE customer SET tier = 'A', rfm_segment = 'CHAMPIONS' WHERE id IN (?, ?)", UUID.fromString(a1), UUID.fromString(a2));
        sql(ds, "UPDATE customer SET tier = 'B', rfm_segment = 'AT_RISK' WHERE id = ?", UUID.fromString(b));
        String id = as("agent").body(segmentBody(unique("Stats"), tag)).post("/api/v1/segments").then().statusCode(201).extract().path("id");

        JsonPath first = as("integration").get("/api/v1/segments/" + id + "/customers?limit=3").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(a1, a2, b);
        JsonPath second = as("integration").get("/api/v1/segments/" + id + "/customers?limit=3&cursor=" + first.getString("nextCursor"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(none);
        assertThat(second.getString("nextCursor")).isNull();

        JsonPath stats = as("analyst").get("/api/v1/segments/" + id + "/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("count")).isEqualTo(4);
        assertThat(buckets(stats, "byTier")).isEqualTo(Map.of("A", 2, "B", 1, "null", 1));
        assertThat(buckets(stats, "byRfmSegment")).isEqualTo(Map.of("CHAMPIONS", 2, "AT_RISK", 1, "null", 1));
        assertThat(buckets(stats, "byRegion")).isEqualTo(Map.of("North", 2, "South", 1, "null", 1));
        assertThat(buckets(stats, "byBuyingStage")).isEqualTo(Map.of("CUSTOMER", 2, "INTERESTED", 1, "null", 1));
        assertThat(stats.getString("byTier[0].value")).isEqualTo("A");

        as("agent").get("/api/v1/segments/" + UUID.randomUUID() + "/stats").then().statusCode(404);
        as("agent").get("/api/v1/segments/" + UUID.randomUUID() + "/export").then().statusCode(404);
    }

    private static Map<String, Integer> buckets(JsonPath stats, String name) {
        Map<String, Integer> map = new HashMap<>();
        List<Map<String, Object>> list = stats.getList(name);
        list.forEach(m -> map.put(String.valueOf(m.get("value")), (Integer) m.get("count")));
        return map;
    }

    @Test
    void shouldExportEveryMemberAsCsvThatParsesBackToTheSameData() throws Exception {
        String tag = unique("csv");
        String tricky = "Line one, with comma\nline \"two\"; and a quote\r\nthird";
        String first = customer(tag, Map.of("firstName", "Zoë", "lastName", "O'Brien, Jr.", "email", "zoe@example.com",
                "phone", "+44 20 7946 0958", "birthDate", "1990-02-28", "region", "North", "notes", tricky,
                "consent", Map.of("SMS", Map.of("granted", true), "EMAIL", Map.of("granted", true), "PHONE", Map.of("granted", false)),
                "tags", List.of(tag, "vip")));
        purchase(first, "1234.50", daysAgo(1), "Desk lamp");
        String second = customer(tag, Map.of("lastName", "=HYPERLINK(\"http://x\")", "notes", "  leading and trailing  "));
        String segment = as("agent").body(segmentBody(unique("Export"), tag)).post("/api/v1/segments").then().statusCode(201)
                .extract().path("id");

        var response = as("integration").get("/api/v1/segments/" + segment + "/export").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", notNullValue()).extract();
        List<CSVRecord> rows = parse(response.asString());
        assertThat(rows).hasSize(2);
        CSVRecord r = rows.get(0);
        assertThat(r.get("id")).isEqualTo(first);
        assertThat(r.get("firstName")).isEqualTo("Zoë");
        assertThat(r.get("lastName")).isEqualTo("O'Brien, Jr.");
        assertThat(r.get("email")).isEqualTo("zoe@example.com");
        assertThat(r.get("phone")).isEqualTo("+44 20 7946 0958");
        assertThat(r.get("birthDate")).isEqualTo("1990-02-28");
        assertThat(r.get("notes")).isEqualTo(tricky);
        assertThat(r.get("consentedChannels")).isEqualTo("EMAIL;SMS");
        assertThat(r.get("tags")).isEqualTo(tag + ";vip");
        assertThat(r.get("purchaseCount")).isEqualTo("1");
        assertThat(r.get("totalSpent")).isEqualTo("1234.50");
        assertThat(r.get("lastPurchaseAt")).endsWith("Z");
        assertThat(r.get("tier")).isEmpty();
        JsonPath api = as("agent").get("/api/v1/customers/" + first).then().extract().jsonPath();
        assertThat(r.get("createdAt")).isEqualTo(api.getString("createdAt"));
        assertThat(rows.get(1).get("id")).isEqualTo(second);
        assertThat(rows.get(1).get("lastName")).as("a formula is exported as text").isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(1).get("notes")).isEqualTo("leading and trailing");

        List<CSVRecord> masked = parse(as("analyst").get("/api/v1/segments/" + segment + "/export").then().statusCode(200)
                .extract().asString());
        assertThat(masked.get(0).get("email")).isEqualTo("z***@example.com");
        assertThat(masked.get(0).get("phone")).isEqualTo("+** ** **** **58");
        assertThat(masked.get(0).get("birthDate")).isEmpty();
        assertThat(masked.get(0).get("notes")).isEqualTo(tricky);
    }

    @Test
    void shouldExportALargeSegmentCompletely() throws Exception {
        String tag = unique("bulk");
        sql(ds, """
                INSERT INTO customer (id, last_name, email, tags, created_at, updated_at)
                SELECT gen_random_uuid(), 'Bulk "' || g || '", x', 'b' || g || '@example.com', ARRAY[?], now(), now()
                FROM generate_series(1, 5000) g""", tag);
        String segment = as("agent").body(segmentBody(unique("Bulk"), tag)).post("/api/v1/segments").then().statusCode(201)
                .extract().path("id");
        List<CSVRecord> rows = parse(as("analyst").get("/api/v1/segments/" + segment + "/export").then().statusCode(200)
                .extract().asString());
        assertThat(rows).hasSize(5000);
        assertThat(rows.stream().map(x -> x.get("id")).distinct().count()).isEqualTo(5000);
        assertThat(rows.stream().allMatch(x -> x.get("lastName").matches("Bulk \"\\d+\", x"))).isTrue();
        assertThat(rows.stream().allMatch(x -> x.get("email").matches("b\\*\\*\\*@example.com"))).isTrue();
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).startsWith("id", "externalRef", "firstName", "lastName", "email", "phone");
            return parser.getRecords();
        }
    }
}
