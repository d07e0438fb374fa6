package io.clientbook.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what, endpoint by endpoint: no key is a 401, a role that may not is a 403, and a
 * role that may is let through (whatever the request then answers).
 */
@QuarkusTest
class RoleMatrixTest extends ApiTest {

    private static final String ID = "6f1c1a52-0000-4000-8000-000000000000";
    private static final Set<String> ROLES = Set.of("admin", "agent", "integration", "analyst");

    record Rule(String method, String path, String contentType, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Rule> rules() {
        String json = "application/json";
        String merge = "application/merge-patch+json";
        Set<String> staff = Set.of("admin", "agent");
        Set<String> readers = Set.of("admin", "agent", "analyst");
        return Stream.of(
                new Rule("POST", "/api/v1/api-keys", json, Set.of("admin")),
                new Rule("GET", "/api/v1/api-keys", null, Set.of("admin")),
                new Rule("GET", "/api/v1/api-keys/" + ID, null, Set.of("admin")),
                new Rule("DELETE", "/api/v1/api-keys/" + ID, null, Set.of("admin")),
                new Rule("POST", "/api/v1/customers", json, staff),
                new Rule("GET", "/api/v1/customers", null, readers),
                new Rule("GET", "/api/v1/customers/" + ID, null, readers),
                new Rule("PATCH", "/api/v1/customers/" + ID, merge, staff),
                new Rule("DELETE", "/api/v1/customers/" + ID, null, Set.of("admin")),
                new Rule("GET", "/api/v1/customers/" + ID + "/export", null, staff),
                new Rule("GET", "/api/v1/customers/" + ID + "/audit", null, Set.of("admin")),
                new Rule("GET", "/api/v1/audit", null, Set.of("admin")),
                new Rule("GET", "/api/v1/customers/by-external-ref/x", null, ROLES),
                new Rule("PUT", "/api/v1/customers/by-external-ref/x", json, Set.of("admin", "agent", "integration")),
                new Rule("POST", "/api/v1/complaints", json, staff),
                new Rule("GET", "/api/v1/complaints", null, readers),
                new Rule("GET", "/api/v1/complaints/" + ID, null, readers),
                new Rule("PATCH", "/api/v1/complaints/" + ID, merge, staff),
                new Rule("GET", "/api/v1/customers/" + ID + "/complaints", null, readers),
                new Rule("POST", "/api/v1/customers/" + ID + "/interactions", json, staff),
                new Rule("GET", "/api/v1/customers/" + ID + "/interactions", null, readers),
                new Rule("GET", "/api/v1/customers/" + ID + "/interactions/" + ID, null, readers),
                new Rule("POST", "/api/v1/purchases", json, Set.of("admin", "agent", "integration")),
                new Rule("POST", "/api/v1/purchases/batch", json, Set.of("admin", "agent", "integration")),
                new Rule("GET", "/api/v1/purchases/" + ID, null, ROLES),
                new Rule("POST", "/api/v1/purchases/" + ID + "/void", json, Set.of("admin", "agent", "integration")),
                new Rule("GET", "/api/v1/customers/" + ID + "/purchases", null, ROLES),
                new Rule("POST", "/api/v1/tasks", json, staff),
                new Rule("GET", "/api/v1/tasks", null, readers),
                new Rule("GET", "/api/v1/tasks/" + ID, null, readers),
                new Rule("PATCH", "/api/v1/tasks/" + ID, merge, staff),
                new Rule("GET", "/api/v1/customers/" + ID + "/tasks", null, readers),
                new Rule("GET", "/api/v1/follow-up-rules", null, readers),
                new Rule("GET", "/api/v1/follow-up-rules/THANK_YOU", null, readers),
                new Rule("PUT", "/api/v1/follow-up-rules/THANK_YOU", json, Set.of("admin")),
                new Rule("GET", "/api/v1/follow-up-rules/skips", null, readers),
                new Rule("GET", "/api/v1/events", null, Set.of("admin", "integration", "analyst")),
                new Rule("POST", "/api/v1/webhooks", json, Set.of("admin")),
                new Rule("GET", "/api/v1/webhooks", null, Set.of("admin")),
                new Rule("GET", "/api/v1/webhooks/" + ID, null, Set.of("admin")),
                new Rule("DELETE", "/api/v1/webhooks/" + ID, null, Set.of("admin")),
                new Rule("GET", "/api/v1/webhooks/" + ID + "/deliveries", null, Set.of("admin")),
                new Rule("POST", "/api/v1/customers/search", json, ROLES),
                new Rule("POST", "/api/v1/customers/count", json, ROLES),
                new Rule("POST", "/api/v1/segments", json, staff),
                new Rule("GET", "/api/v1/segments", null, ROLES),
                new Rule("GET", "/api/v1/segments/" + ID, null, ROLES),
                new Rule("PUT", "/api/v1/segments/" + ID, json, staff),
                new Rule("DELETE", "/api/v1/segments/" + ID, null, staff),
                new Rule("GET", "/api/v1/segments/" + ID + "/customers", null, ROLES),
                new Rule("GET", "/api/v1/segments/" + ID + "/stats", null, ROLES),
                new Rule("GET", "/api/v1/segments/" + ID + "/export", null, ROLES),
                new Rule("GET", "/api/v1/tier-policy", null, readers),
                new Rule("PUT", "/api/v1/tier-policy", json, Set.of("admin")),
                new Rule("POST", "/api/v1/tier-policy/preview", json, Set.of("admin", "analyst")),
                new Rule("POST", "/api/v1/tier-runs", null, Set.of("admin")),
                new Rule("GET", "/api/v1/tier-runs", null, readers),
                new Rule("GET", "/api/v1/tier-runs/" + ID, null, readers),
                new Rule("GET", "/api/v1/customers/" + ID + "/tier-history", null, readers),
                new Rule("POST", "/api/v1/segments/" + ID + "/tasks", json, staff));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldAnswer401WithoutKeyAnd403ForEachExcludedRole(Rule rule) {
        assertThat(send(given(), rule).statusCode()).as("no key").isEqualTo(401);
        for (String role : ROLES) {
            int status = send(as(role), rule).statusCode();
            if (rule.allowed().contains(role)) {
                assertThat(status).as(role + " may").isNotIn(401, 403);
            } else {
                assertThat(status).as(role + " may not").isEqualTo(403);
            }
        }
    }

    /**
     * Walks the served contract (equal to openapi.yaml, which OpenApiContractTest checks): every
     * operation under /api must have a row above, so a new endpoint cannot ship without its 401/403
     * checks. Each row counts for the most specific path template it fits.
     */
    @Test
    void shouldHaveARowForEveryOperationOfTheContract() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString());
        Set<String> operations = new TreeSet<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (path.getKey().startsWith("/api/") && HTTP_METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> covered = new HashSet<>();
        rules().forEach(rule -> operations.stream()
                .filter(op -> op.startsWith(rule.method() + " ") && fits(op.substring(op.indexOf(' ') + 1), rule.path()))
                .max(Comparator.comparingLong(op -> op.chars().filter(c -> c == '{').count() * -1))
                .ifPresent(covered::add));
        assertThat(operations).as("operations of the contract without a row in rules()").isNotEmpty()
                .allSatisfy(op -> assertThat(covered).as("row for " + op).contains(op));
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static boolean fits(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!t[i].startsWith("{") && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    private static Response send(RequestSpecification spec, Rule rule) {
        if (rule.contentType() != null) {
            spec = spec.contentType(rule.contentType()).body("{}");
        }
        return spec.request(rule.method(), rule.path());
    }
}
