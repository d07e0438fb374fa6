package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Campaigns through HTTP: one task per segment member, held to consent and the frequency cap, once per campaign. */
@QuarkusTest
class CampaignResourceTest extends ApiTest {

    private static final Instant DUE = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    DataSource ds;

    /** A customer tagged {@code tag}, with an owner, consenting to {@code consented}, preferring the first of them. */
    static String customer(String tag, String... consented) {
        Map<String, Object> consent = new LinkedHashMap<>();
        for (String channel : consented) {
            consent.put(channel, Map.of("granted", true));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastName", "Campaign");
        body.put("owner", "owner-" + tag);
        body.put("tags", List.of(tag));
        body.put("consent", consent);
        if (consented.length > 0) {
            body.put("preferredChannel", consented[0]);
        }
        return asAdmin().body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    /** A saved segment of the customers tagged {@code tag}. */
    static String segment(String tag) {
        String body = "{\"name\": \"" + unique("campaign") + "\", \"filter\": {\"field\": \"tags\", \"op\": \"eq\", \"value\": \""
                + tag + "\"}}";
        return asAdmin().body(body).post("/api/v1/segments").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> campaign(String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "PROMOTION_INVITE");
        body.put("title", "Invite to the spring collection preview");
        body.put("dueAt", DUE.toString());
        body.put("channel", "EMAIL");
        if (key != null) {
            body.put("campaign", key);
        }
        return body;
    }

    static List<Map<String, Object>> tasksOf(String campaign) {
        return asAdmin().get("/api/v1/tasks?limit=200&campaign=" + campaign).then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    @Test
    void shouldCreateOneTaskPerConsentingMemberAndSkipByReasonExactlyOnce() {
        String tag = unique("camp").toLowerCase();
        String email1 = customer(tag, "EMAIL");
        String email2 = customer(tag, "EMAIL", "PHONE");
        String smsOnly = customer(tag, "SMS");
        String noConsent = customer(tag);
        String capped = customer(tag, "EMAIL");
        String erased = customer(tag, "EMAIL");
        String outsider = customer(unique("other").toLowerCase(), "EMAIL");
        // A marketing contact of the capped customer already planned two days before the campaign's.
        asAdmin().body(Map.of("customerId", capped, "type", "PROMOTION_INVITE", "title", "Earlier invitation",
                "dueAt", DUE.minus(2, ChronoUnit.DAYS).toString())).post("/api/v1/tasks").then().statusCode(201);
        // Erased, but still carrying the tag: only the erasure keeps it out.
        sql("UPDATE customer SET erased_at = now() WHERE id = ?", UUID.fromString(erased));
        String segment = segment(tag);
        String key = unique("spring");

        JsonPath result = as("agent").body(campaign(key)).post("/api/v1/segments/" + segment + "/tasks").then().statusCode(200)
                .body("campaign", equalTo(key)).extract().jsonPath();

        assertThat(result.getInt("created")).isEqualTo(3);
        assertThat(result.getMap("skipped")).containsEntry("NO_CONSENT", 1).containsEntry("FREQUENCY_CAP", 1)
                .containsEntry("TOO_LATE", 0);
        assertThat(result.getString("generationId")).isNotNull();
        List<Map<String, Object>> tasks = tasksOf(key);
        assertThat(tasks).extracting(t -> t.get("customerId")).containsExactlyInAnyOrder(email1, email2, smsOnly);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t).containsEntry("source", "CAMPAIGN").containsEntry("triggerKey", "campaign:" + key)
                    .containsEntry("type", "PROMOTION_INVITE").containsEntry("status", "OPEN")
                    .containsEntry("title", "Invite to the spring collection preview").containsEntry("assignee", "owner-" + tag)
                    .containsEntry("priority", "NORMAL").containsEntry("createdBy", "test-agent");
            assertThat(Instant.parse((String) t.get("dueAt"))).isEqualTo(DUE);
        });
        // The campaign's channel where consented, else the member's own consented one.
        assertThat(tasks).filteredOn(t -> t.get("customerId").equals(smsOnly)).extracting(t -> t.get("channel"))
                .containsExactly("SMS");
        assertThat(tasks).filteredOn(t -> !t.get("customerId").equals(smsOnly)).extracting(t -> t.get("channel"))
                .containsOnly("EMAIL");
        assertThat(skipsOf(noConsent)).containsExactly("NO_CONSENT");
        assertThat(skipsOf(capped)).containsExactly("FREQUENCY_CAP");
        assertThat(skipsOf(erased)).isEmpty();
        assertThat(asAdmin().get("/api/v1/follow-up-rules/skips?rule=CAMPAIGN&customerId=" + capped).then().statusCode(200)
                .extract().jsonPath().getList("items.reason")).containsExactly("FREQUENCY_CAP");
        assertThat(TaskFixtures.tasksOfType(outsider, "PROMOTION_INVITE")).isEmpty();

        // Posting the same campaign again creates nothing and records no skip twice.
        as("agent").body(campaign(key)).post("/api/v1/segments/" + segment + "/tasks").then().statusCode(200)
                .body("created", equalTo(0)).body("skipped.NO_CONSENT", equalTo(0)).body("skipped.FREQUENCY_CAP", equalTo(0));
        assertThat(tasksOf(key)).hasSize(3);
        assertThat(skipsOf(noConsent)).hasSize(1);
        assertThat(TaskFixtures.tasksOfType(email1, "PROMOTION_INVITE")).hasSize(1);
    }

    @Test
    void shouldDeriveTheCampaignFromTheIdempotencyKeyAndReplayARetry() {
        String tag = unique("camp").toLowerCase();
        String member = customer(tag, "EMAIL");
        String segment = segment(tag);
        String idempotencyKey = unique("idem");
        Map<String, Object> body = campaign(null);
        body.put("type", "CUSTOM");
        body.put("priority", "HIGH");

        JsonPath first = as("agent").header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/v1/segments/" + segment + "/tasks").then().statusCode(200).body("created", equalTo(1))
                .body("campaign", startsWith("idem-")).extract().jsonPath();
        String campaign = first.getString("campaign");
        as("agent").header("Idempotency-Key", idempotencyKey).body(body).post("/api/v1/segments/" + segment + "/tasks").then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("campaign", equalTo(campaign))
                .body("created", equalTo(1));
        // The derived key makes it once even past the stored response: naming it explicitly creates nothing.
        as("agent").body(campaign(campaign)).post("/api/v1/segments/" + segment + "/tasks").then().statusCode(200)
                .body("created", equalTo(0));
        List<Map<String, Object>> tasks = tasksOf(campaign);
        assertThat(tasks).extracting(t -> t.get("customerId")).containsExactly(member);
        assertThat(tasks.get(0)).containsEntry("type", "CUSTOM").containsEntry("priority", "HIGH");
        // The same header for another request is refused.
        body.put("title", "Something else");
        as("agent").header("Idempotency-Key", idempotencyKey).body(body).post("/api/v1/segments/" + segment + "/tasks").then()
                .statusCode(422);
    }

    @Test
    void shouldListTasksBySource() {
        String tag = unique("camp").toLowerCase();
        String member = customer(tag, "EMAIL");
        String segment = segment(tag);
        asAdmin().body(campaign(unique("src"))).post("/api/v1/segments/" + segment + "/tasks").then().statusCode(200)
                .body("created", equalTo(1));

        List<Map<String, Object>> campaignTasks = asAdmin().get("/api/v1/tasks?limit=200&source=CAMPAIGN&customerId=" + member)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(campaignTasks).hasSize(1);
        assertThat(asAdmin().get("/api/v1/tasks?source=MANUAL&customerId=" + member).then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
        asAdmin().get("/api/v1/tasks?source=MANUAL&campaign=x").then().statusCode(400).body("errors[0].field", equalTo("source"));
    }

    @Test
    void shouldAnswer400NamingTheField() {
        String segment = segment(unique("camp").toLowerCase());
        String path = "/api/v1/segments/" + segment + "/tasks";
        Map<String, Object> wrongType = campaign("k1");
        wrongType.put("type", "THANK_YOU");
        as("agent").body(wrongType).post(path).then().statusCode(400).body("errors[0].field", equalTo("type"));
        Map<String, Object> noDue = campaign("k1");
        noDue.remove("dueAt");
        as("agent").body(noDue).post(path).then().statusCode(400).body("errors[0].field", equalTo("dueAt"));
        Map<String, Object> blankTitle = campaign("k1");
        blankTitle.put("title", "  ");
        as("agent").body(blankTitle).post(path).then().statusCode(400).body("errors[0].field", equalTo("title"));
        Map<String, Object> longTitle = campaign("k1");
        longTitle.put("title", "x".repeat(201));
        as("agent").body(longTitle).post(path).then().statusCode(400).body("errors[0].field", equalTo("title"));
        as("agent").body(campaign(null)).post(path).then().statusCode(400).body("errors[0].field", equalTo("campaign"));
        as("agent").body(campaign("not a key")).post(path).then().statusCode(400).body("errors[0].field", equalTo("campaign"));
        Map<String, Object> badChannel = campaign("k1");
        badChannel.put("channel", "PIGEON");
        as("agent").body(badChannel).post(path).then().statusCode(400).body("errors[0].field", equalTo("channel"));
        Map<String, Object> unknown = campaign("k1");
        unknown.put("segment", "x");
        as("agent").body(unknown).post(path).then().statusCode(400);
    }

    @Test
    void shouldAnswer404ForAnUnknownSegment() {
        as("agent").body(campaign("k1")).post("/api/v1/segments/" + UUID.randomUUID() + "/tasks").then().statusCode(404);
        as("agent").body(campaign("k1")).post("/api/v1/segments/not-an-id/tasks").then().statusCode(404);
    }

    private static List<String> skipsOf(String customerId) {
        return TaskFixtures.skips(customerId).stream().filter(s -> "CAMPAIGN".equals(s.get("rule")))
                .map(s -> (String) s.get("reason")).toList();
    }

    private void sql(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
