package io.clientbook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AuditTrailTest extends ApiTest {

    @Inject
    DataSource dataSource;
    @Inject
    AuditTrail trail;
    @Inject
    jakarta.persistence.EntityManager em;

    static String newCustomer(String email, String phone) {
        return as("agent").body(Map.of("externalRef", unique("aud"), "firstName", "Ada", "lastName", unique("Audited"),
                "email", email, "phone", phone, "birthDate", "1980-02-03", "tags", List.of("vip")))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static JsonPath auditOf(String customerId, String query) {
        return asAdmin().get("/api/v1/customers/" + customerId + "/audit?limit=200" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    static String keyIdOf(String role) {
        // The stored test key of the role: its id is what the trail records.
        as(role);
        return asAdmin().get("/api/v1/api-keys?limit=200").then().extract().jsonPath()
                .getString("items.find { it.name == 'test-" + role + "' && it.revokedAt == null }.id");
    }

    @Test
    void shouldRecordEveryReadOfASingleFileWithActorAndAddress() {
        String id = newCustomer(unique("r") + "@example.com", "+44 20 7946 0001");
        String ref = as("agent").get("/api/v1/customers/" + id).then().statusCode(200).extract().path("externalRef");
        as("analyst").header("X-Request-Id", "req-42").get("/api/v1/customers/" + id).then().statusCode(200);
        as("integration").get("/api/v1/customers/by-external-ref/" + ref).then().statusCode(200);
        // Lists and unknown ids read no single file.
        as("agent").get("/api/v1/customers?q=" + ref).then().statusCode(200);

        JsonPath audit = auditOf(id, "&action=READ");
        assertThat(audit.getList("items.actor.name")).containsExactly("test-integration", "test-analyst", "test-agent");
        assertThat(audit.getList("items.actor.role")).containsExactly("integration", "analyst", "agent");
        assertThat(audit.getString("items[1].actor.keyId")).isEqualTo(keyIdOf("analyst"));
        assertThat(audit.getList("items.resourceType")).containsOnly("customer");
        assertThat(audit.getList("items.resourceId")).containsOnly(id);
        assertThat(audit.getList("items.remoteAddress")).containsOnly("127.0.0.1");
        assertThat(audit.getString("items[1].requestId")).isEqualTo("req-42");
        assertThat(audit.getString("items[0].requestId")).isNull();
        assertThat(audit.getList("items.changedFields.flatten()")).isEmpty();
    }

    @Test
    void shouldRecordEveryChangeWithFieldNamesAndNeverContactValues() throws SQLException {
        String email = unique("secret") + "@example.com";
        String phone = "+44 20 7946 7788";
        String id = newCustomer(email, phone);
        as("agent").contentType("application/merge-patch+json")
                .body(Map.of("email", "new-" + email, "buyingStage", "INTERESTED"))
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        String a = unique("aud-p");
        String b = unique("aud-p");
        List<String> purchaseIds = as("integration").body(Map.of("purchases", List.of(
                purchase(id, a, "10.00"), purchase(id, b, "15.50")))).post("/api/v1/purchases/batch")
                .then().statusCode(200).extract().path("results.purchase.id");
        as("integration").body(Map.of("reason", "refund")).post("/api/v1/purchases/" + purchaseIds.get(0) + "/void")
                .then().statusCode(200);
        String complaint = as("agent").body(Map.of("customerId", id, "subject", "Called " + phone, "severity", "LOW"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        as("agent").contentType("application/merge-patch+json").body(Map.of("status", "IN_PROGRESS", "description", email))
                .patch("/api/v1/complaints/" + complaint).then().statusCode(200);
        String interaction = as("agent").body(Map.of("channel", "EMAIL", "direction", "OUTBOUND", "summary", "Wrote to " + email))
                .post("/api/v1/customers/" + id + "/interactions").then().statusCode(201).extract().path("id");

        JsonPath audit = auditOf(id, "");
        List<Map<String, Object>> items = audit.getList("items");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> item : items) {
            lines.add(item.get("action") + " " + item.get("resourceType") + " " + item.get("changedFields"));
        }
        assertThat(lines).contains(
                "UPDATE customer [email, buyingStage]",
                "CREATE purchase [externalId, occurredAt, amount, currency, product]",
                "UPDATE purchase [status, voidedAt, voidReason]",
                "CREATE complaint [subject, severity, status]",
                "UPDATE complaint [description, status]",
                "CREATE interaction [channel, direction, occurredAt, summary]");
        assertThat(audit.getList("items.findAll { it.action == 'CREATE' && it.resourceType == 'purchase' }.resourceId"))
                .containsExactlyInAnyOrderElementsOf(purchaseIds);
        assertThat(audit.getList("items.findAll { it.resourceType == 'complaint' }.resourceId")).containsOnly(complaint);
        assertThat(audit.getList("items.findAll { it.resourceType == 'interaction' }.resourceId")).containsOnly(interaction);
        @SuppressWarnings("unchecked")
        List<String> created = (List<String>) audit.getList("items.findAll { it.action == 'CREATE' && it.resourceType == 'customer' }.changedFields")
                .get(0);
        assertThat(created).contains("externalRef", "firstName", "lastName", "email", "phone", "birthDate", "tags")
                .doesNotContain("gender", "notes");
        assertThat(audit.getList("items.actor.name")).containsOnly("test-agent", "test-integration");

        // Nothing in the rows carries a contact value: not in the answer, not in the table.
        String body = asAdmin().get("/api/v1/customers/" + id + "/audit?limit=200").asString();
        // The phone's own digits, not a part of them: "7946" alone turns up in a random UUID now and then.
        assertThat(body).doesNotContain(email).doesNotContain("7946 7788").doesNotContain("79467788");
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT row_to_json(a)::text FROM audit_entry a WHERE customer_id = ?::uuid")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getString(1)).doesNotContain(email).doesNotContain("7946 7788").doesNotContain("79467788")
                            .doesNotContain("Ada");
                }
                assertThat(rows).isEqualTo(items.size());
            }
        }
    }

    @Test
    void shouldRecordApiKeyCreationAndRevocation() {
        String keyId = asAdmin().body(Map.of("name", unique("audited-key"), "role", "analyst")).post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("id");
        asAdmin().delete("/api/v1/api-keys/" + keyId).then().statusCode(204);
        asAdmin().delete("/api/v1/api-keys/" + keyId).then().statusCode(204);

        JsonPath audit = asAdmin().get("/api/v1/audit?resourceType=api-key&actor=bootstrap&limit=200").then().statusCode(200)
                .extract().jsonPath();
        List<String> actions = audit.getList("items.findAll { it.resourceId == '" + keyId + "' }.action");
        assertThat(actions).containsExactly("DELETE", "CREATE");
        assertThat(audit.getString("items.find { it.resourceId == '" + keyId + "' }.actor.name")).isEqualTo("bootstrap-admin");
    }

    @Test
    void shouldRefuseUpdateDeleteAndTruncateOfTheTrail() throws SQLException {
        String id = newCustomer(unique("t") + "@example.com", "+44 20 7946 1111");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE audit_entry SET actor_name = 'someone else' WHERE customer_id = '" + id + "'",
                    "DELETE FROM audit_entry WHERE customer_id = '" + id + "'",
                    "TRUNCATE audit_entry")) {
                assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42501");
                    assertThat(e.getMessage()).contains("audit_entry is append-only");
                });
            }
        }
        assertThat(auditOf(id, "").getList("items.actor.name")).containsOnly("test-agent");
    }

    @Test
    void shouldFilterByActorActionTypeAndTimeAndPageNewestFirst() {
        String id = newCustomer(unique("f") + "@example.com", "+44 20 7946 2222");
        Instant beforeReads = Instant.now();
        for (int i = 0; i < 5; i++) {
            as("agent").get("/api/v1/customers/" + id).then().statusCode(200);
        }
        as("analyst").get("/api/v1/customers/" + id).then().statusCode(200);

        List<String> seen = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = asAdmin().queryParam("customerId", id).queryParam("actor", keyIdOf("agent"))
                    .queryParam("action", "READ").queryParam("resourceType", "customer").queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            times.addAll(page.getList("items.occurredAt"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo((x, y) -> Instant.parse(y).compareTo(Instant.parse(x)));

        assertThat(auditOf(id, "&actor=test-analyst").getList("items.action")).containsExactly("READ");
        assertThat(auditOf(id, "&action=CREATE").getList("items.actor.name")).containsExactly("test-agent");
        assertThat(auditOf(id, "&to=" + beforeReads).getList("items.action")).containsExactly("CREATE");
        assertThat(auditOf(id, "&from=" + beforeReads).getList("items.action")).hasSize(6).containsOnly("READ");

        asAdmin().get("/api/v1/audit?from=" + beforeReads + "&to=" + beforeReads).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        asAdmin().get("/api/v1/audit?action=PEEK").then().statusCode(400).body("errors.field", hasItem("action"));
        asAdmin().get("/api/v1/audit?customerId=nope").then().statusCode(400).body("errors.field", hasItem("customerId"));
        asAdmin().get("/api/v1/audit?cursor=bogus").then().statusCode(400).body("errors.field", hasItem("cursor"));
        asAdmin().get("/api/v1/customers/" + UUID.randomUUID() + "/audit").then().statusCode(404);
    }

    @Test
    void shouldRecordScheduledWorkWithTheJobAsActor() {
        String id = newCustomer(unique("j") + "@example.com", "+44 20 7946 3333");
        QuarkusTransaction.requiringNew().run(() -> trail.asJob("test-job",
                () -> trail.record(AuditAction.UPDATE, AuditTarget.customer(UUID.fromString(id), List.of("tier")))));

        JsonPath audit = auditOf(id, "&actor=job:test-job");
        assertThat(audit.getString("items[0].actor.keyId")).isEqualTo("job:test-job");
        assertThat(audit.getString("items[0].actor.role")).isEqualTo("job");
        assertThat(audit.getString("items[0].remoteAddress")).isNull();
        assertThat(audit.getList("items[0].changedFields")).containsExactly("tier");
    }

    @Test
    void shouldCommitAReadWithoutWaitingForTheDiskAndChangesAsAlways() {
        UUID id = UUID.fromString(newCustomer(unique("s") + "@example.com", "+44 20 7946 4444"));
        // The embedded test server runs with synchronous_commit off; each transaction starts from "on", as in production.
        String duringRead = QuarkusTransaction.requiringNew().call(() -> {
            sql("SET LOCAL synchronous_commit = on");
            trail.recordRead(AuditTarget.customer(id, List.of()));
            return sql("SHOW synchronous_commit");
        });
        String duringChange = QuarkusTransaction.requiringNew().call(() -> {
            sql("SET LOCAL synchronous_commit = on");
            trail.record(AuditAction.UPDATE, AuditTarget.customer(id, List.of("notes")));
            return sql("SHOW synchronous_commit");
        });
        String serverDefault = QuarkusTransaction.requiringNew().call(
                () -> sql("SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'"));
        String afterRead = QuarkusTransaction.requiringNew().call(() -> sql("SHOW synchronous_commit"));

        assertThat(duringRead).isEqualTo("off");
        assertThat(duringChange).isEqualTo("on");
        // SET LOCAL: the pooled connection is back to the server's setting for the next transaction.
        assertThat(afterRead).isEqualTo(serverDefault);
        assertThat(auditOf(id.toString(), "&action=READ").getList("items.actor.name")).containsExactly("system");
    }

    /** Runs a statement on the transaction's connection; the first column of its first row, if it returns rows. */
    private String sql(String statement) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (Statement st = connection.createStatement()) {
                if (!st.execute(statement)) {
                    return null;
                }
                try (java.sql.ResultSet rs = st.getResultSet()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Test
    void shouldRefuseToRecordOutsideATransactionOrWithValues() {
        AuditTarget target = AuditTarget.customer(UUID.randomUUID(), List.of());
        assertThatThrownBy(() -> trail.record(AuditAction.READ, target)).isInstanceOf(jakarta.transaction.TransactionalException.class);
        AuditTarget withValue = AuditTarget.customer(UUID.randomUUID(), List.of("mei@example.com"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> trail.record(AuditAction.UPDATE, withValue)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never values");
    }

    private static Map<String, Object> purchase(String customerId, String externalId, String amount) {
        return Map.of("customerId", customerId, "externalId", externalId, "occurredAt", "2026-10-01T10:00:00Z",
                "amount", new java.math.BigDecimal(amount), "currency", "EUR", "product", "Tea");
    }
}
