package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FollowUpRuleResourceTest extends ApiTest {

    private static final Set<String> READ_ONLY = Set.of("id", "type", "trigger", "marketing", "dailyJob", "updatedAt");

    /** The PUT body of a rule as GET shows it. */
    static Map<String, Object> settingsOf(Map<String, Object> rule) {
        Map<String, Object> settings = new LinkedHashMap<>(rule);
        settings.keySet().removeAll(READ_ONLY);
        return settings;
    }

    @Test
    void shouldListTheNineRulesWithTheirDefaults() {
        JsonPath rules = as("analyst").get("/api/v1/follow-up-rules").then().statusCode(200).extract().jsonPath();
        assertThat(rules.getList("items.id")).containsExactlyInAnyOrder("THANK_YOU", "SATISFACTION_SURVEY", "CHECK_IN",
                "BIRTHDAY_GREETING", "HOLIDAY_GREETING", "COMPLAINT_FOLLOW_UP", "PURCHASE_INTENT", "VIP_WELCOME", "WIN_BACK");
        assertThat(rules.getInt("items.find { it.id == 'SATISFACTION_SURVEY' }.delayDays")).isEqualTo(7);
        assertThat(rules.getMap("items.find { it.id == 'CHECK_IN' }.intervalDays")).isEqualTo(Map.of("A", 30, "B", 90));
        assertThat(rules.getInt("items.find { it.id == 'BIRTHDAY_GREETING' }.leadDays")).isEqualTo(7);
        assertThat(rules.getInt("items.find { it.id == 'COMPLAINT_FOLLOW_UP' }.responseHours")).isEqualTo(24);
        assertThat(rules.getString("items.find { it.id == 'COMPLAINT_FOLLOW_UP' }.priority")).isEqualTo("HIGH");
        assertThat(rules.getBoolean("items.find { it.id == 'COMPLAINT_FOLLOW_UP' }.marketing")).isFalse();
        assertThat(rules.getList("items.find { it.id == 'VIP_WELCOME' }.tiers")).containsExactly("A");
        assertThat(rules.getInt("items.find { it.id == 'WIN_BACK' }.delayDays")).isEqualTo(3);
        assertThat(rules.getList("items.find { it.id == 'HOLIDAY_GREETING' }.holidays.date")).containsExactly("01-01", "12-25");
    }

    @Test
    void shouldRejectInvalidSettingsNamingEachField() {
        Map<String, Object> body = settingsOf(asAdmin().get("/api/v1/follow-up-rules/HOLIDAY_GREETING").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        body.put("delayDays", -1);
        body.put("tiers", List.of("A", "A"));
        body.put("holidays", List.of(Map.of("date", "02-30", "name", "Nope"), Map.of("date", "2027-13-01")));
        body.put("responseHours", 5);
        asAdmin().body(body).put("/api/v1/follow-up-rules/HOLIDAY_GREETING").then().statusCode(400)
                .body("errors.field", equalTo(List.of("delayDays", "tiers[1]", "responseHours", "holidays[0].date",
                        "holidays[1].date")));

        Map<String, Object> badTier = settingsOf(asAdmin().get("/api/v1/follow-up-rules/THANK_YOU").then().extract().jsonPath().getMap(""));
        badTier.put("tiers", List.of("D"));
        asAdmin().body(badTier).put("/api/v1/follow-up-rules/THANK_YOU").then().statusCode(400);
        asAdmin().body(Map.of("enabled", true)).put("/api/v1/follow-up-rules/NO_SUCH_RULE").then().statusCode(404);
    }

    @Test
    void shouldChangeARuleUnderIfMatchAndAnswer412WhenStale() {
        var response = asAdmin().get("/api/v1/follow-up-rules/WIN_BACK").then().statusCode(200).extract();
        String etag = response.header("ETag");
        Map<String, Object> body = settingsOf(response.jsonPath().getMap(""));
        body.put("delayDays", 5);
        String newEtag = asAdmin().header("If-Match", etag).body(body).put("/api/v1/follow-up-rules/WIN_BACK").then()
                .statusCode(200).body("delayDays", equalTo(5)).extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        body.put("delayDays", 3);
        asAdmin().header("If-Match", etag).body(body).put("/api/v1/follow-up-rules/WIN_BACK").then().statusCode(412);
        asAdmin().header("If-Match", newEtag).body(body).put("/api/v1/follow-up-rules/WIN_BACK").then().statusCode(200)
                .body("delayDays", equalTo(3));
    }
}
