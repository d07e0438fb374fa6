package io.clientbook.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TierPolicyResourceTest extends TierFixtures {

    @Inject
    DataSource dataSource;

    @AfterEach
    void restoreTheDefaultPolicy() {
        asAdmin().body(Map.of("windowDays", 365, "cutA", 0.80, "cutB", 0.95)).put("/api/v1/tier-policy")
                .then().statusCode(200);
    }

    @Test
    void shouldRefuseInvalidPoliciesNamingTheFields() {
        asAdmin().body(Map.of("windowDays", 0, "cutA", 0.8, "cutB", 0.95)).put("/api/v1/tier-policy").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", containsInAnyOrder("windowDays"));
        asAdmin().body(Map.of("windowDays", 3651, "cutA", 0.9, "cutB", 0.8)).put("/api/v1/tier-policy").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("windowDays", "cutB"));
        asAdmin().body(Map.of("windowDays", 30, "cutA", 0, "cutB", 1.5)).put("/api/v1/tier-policy").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("cutA", "cutB"));
        asAdmin().body(Map.of("windowDays", 30, "cutB", 0.9)).put("/api/v1/tier-policy").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("cutA"));
        asAdmin().body(Map.of("windowDays", 30, "cutA", 0.5, "cutB", 0.9, "rfm", 5)).put("/api/v1/tier-policy").then()
                .statusCode(400);
        asAdmin().body(Map.of("windowDays", "a year", "cutA", 0.5, "cutB", 0.9)).put("/api/v1/tier-policy").then()
                .statusCode(400).body("errors[0].field", equalTo("windowDays"));
        asAdmin().body(Map.of("cutA", 0.99999)).post("/api/v1/tier-policy/preview").then()
                .statusCode(400).body("errors[0].field", equalTo("cutA"));
        // The contract requires the body ({} previews the current policy); an empty one was taken as {}.
        asAdmin().body("").post("/api/v1/tier-policy/preview").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        asAdmin().body("{}").post("/api/v1/tier-policy/preview").then().statusCode(200);
    }

    @Test
    void shouldVersionThePolicyAndHonourIfMatch() {
        String etag = as("analyst").get("/api/v1/tier-policy").then().statusCode(200).extract().header("ETag");
        JsonPath changed = asAdmin().header("If-Match", etag).body(Map.of("windowDays", 180, "cutA", 0.7, "cutB", 0.9))
                .put("/api/v1/tier-policy").then().statusCode(200)
                .body("windowDays", equalTo(180)).body("updatedBy", equalTo("bootstrap-admin"))
                .extract().jsonPath();
        assertThat(changed.getLong("version")).isGreaterThan(Long.parseLong(etag.replace("\"", "")));
        asAdmin().header("If-Match", etag).body(Map.of("windowDays", 90, "cutA", 0.7, "cutB", 0.9))
                .put("/api/v1/tier-policy").then().statusCode(412);
        as("agent").body(Map.of("windowDays", 90, "cutA", 0.7, "cutB", 0.9)).put("/api/v1/tier-policy").then().statusCode(403);

        JsonPath run = runToSuccess();
        assertThat(run.getLong("policy.version")).isEqualTo(changed.getLong("version"));
        assertThat(run.getInt("policy.windowDays")).isEqualTo(180);
        assertThat(run.getString("policy.cutA")).isIn("0.7", "0.70", "0.7000");
    }

    @Test
    void shouldPreviewWhatARunWouldFindWithoutWritingAnything() throws Exception {
        String leader = customer();
        purchase(leader, "5000.00", Duration.ofDays(1));
        String second = customer();
        purchase(second, "1.00", Duration.ofDays(2));
        runToSuccess();
        String before = snapshot();

        JsonPath preview = as("analyst").body(Map.of("windowDays", 1)).post("/api/v1/tier-policy/preview").then()
                .statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("policy.windowDays")).isEqualTo(1);
        assertThat(preview.getMap("countsByTier")).containsOnlyKeys("A", "B", "C");
        assertThat(preview.getMap("countsBySegment")).containsKeys("LOST", "PROSPECT", "CHAMPIONS");
        assertThat(snapshot()).isEqualTo(before);
        // With a one-day window, the customers who bought 2 days ago or more move to C.
        assertThat(preview.getLong("tierChanges")).isPositive();
        assertThat(preview.getList("moves.to")).contains("C");

        // The current policy previewed: the same counts a run then finds.
        JsonPath same = asAdmin().body(Map.of()).post("/api/v1/tier-policy/preview").then().statusCode(200)
                .extract().jsonPath();
        assertThat(snapshot()).isEqualTo(before);
        JsonPath run = runToSuccess();
        assertThat(same.getMap("countsByTier")).isEqualTo(run.getMap("countsByTier"));
        assertThat(same.getMap("countsBySegment")).isEqualTo(run.getMap("countsBySegment"));
        assertThat(same.getLong("customersScored")).isEqualTo(run.getLong("customersScored"));
        assertThat(same.getLong("tierChanges")).isZero();
    }

    /** Everything a run writes, as one comparable text. */
    private String snapshot() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT (SELECT count(*) FROM tier_run) || '/' || (SELECT count(*) FROM tier_change) || '/' ||
                       (SELECT md5(string_agg(concat_ws(',', id, tier, tier_changed_at, rfm_recency, rfm_frequency,
                                                        rfm_monetary, rfm_segment), ';' ORDER BY id)) FROM customer) || '/' ||
                       (SELECT version FROM tier_policy)""")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
