package io.clientbook.common.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The database going away, through HTTP, against a real PostgreSQL behind a proxy ({@link ProxiedPostgres}):
 * requests fail fast with 503 and {@code Retry-After}, readiness is DOWN and liveness UP while it is away,
 * and the service recovers by itself when it is back — also when it started without it.
 * <p>
 * The methods run in order because the first is about how this application instance started (the proxy
 * refused connections when Quarkus booted); a second profile for it would cost another application start.
 */
@QuarkusTest
@TestProfile(DatabaseAwayProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest extends ApiTest {

    /** Far below the 5 s acquisition timeout: an unreachable database must not make requests wait for it. */
    private static final long FAST_MILLIS = 3000;

    @InjectProxy
    ToggleableTcpProxy proxy;

    @Test
    @Order(1)
    void shouldStartWithoutTheDatabaseAndGetReadyByItselfWhenItComes() throws Exception {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'migrations' }.status", equalTo("DOWN"));
        assertUnavailable(asAdmin().get("/api/v1/customers?limit=1"));
        assertUnavailable(given().header("Authorization", "Bearer some-stored-key").get("/api/v1/customers?limit=1"));

        proxy.open();

        await(Duration.ofSeconds(90), () -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().body("checks.name", hasItem("migrations"));
        asAdmin().body(Map.of("lastName", "Arrived")).post("/api/v1/customers").then().statusCode(201);
    }

    @Test
    @Order(2)
    void shouldFailFastWhileTheDatabaseIsAwayAndRecoverByItself() throws Exception {
        proxy.open();
        await(Duration.ofSeconds(90), () -> given().get("/q/health/ready").statusCode() == 200);
        String customer = asAdmin().body(Map.of("lastName", "Outage")).post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        String agentKey = asAdmin().body(Map.of("name", unique("outage-agent"), "role", "agent")).post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("key");
        Map<String, Object> purchase = Map.of("customerId", customer, "externalId", unique("order"),
                "occurredAt", "2026-03-01T10:00:00Z", "amount", 42.5, "currency", "EUR", "product", "Kettle",
                "channel", "ONLINE");

        proxy.cut();

        assertUnavailable(asAdmin().get("/api/v1/customers/" + customer));
        assertUnavailable(asAdmin().body(purchase).post("/api/v1/purchases"));
        // A stored key cannot be checked either: that is the database's absence, not a bad key (no 401).
        assertUnavailable(given().header("Authorization", "Bearer " + agentKey).get("/api/v1/customers/" + customer));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        proxy.open();

        // No restart: the pool drops its dead connections and opens new ones.
        await(Duration.ofSeconds(30), () -> given().get("/q/health/ready").statusCode() == 200);
        await(Duration.ofSeconds(30), () -> asAdmin().get("/api/v1/customers/" + customer).statusCode() == 200);
        given().header("Authorization", "Bearer " + agentKey).get("/api/v1/customers/" + customer).then().statusCode(200);

        // The client retries the purchase refused during the outage: stored once, and once only.
        asAdmin().body(purchase).post("/api/v1/purchases").then().statusCode(201);
        asAdmin().body(purchase).post("/api/v1/purchases").then().statusCode(200);
        asAdmin().get("/api/v1/customers/" + customer + "/purchases").then().statusCode(200).body("items.size()", equalTo(1));
        asAdmin().get("/api/v1/customers/" + customer).then().body("stats.purchaseCount", equalTo(1));
    }

    /** 503 problem+json with Retry-After, answered fast. */
    private static void assertUnavailable(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:clientbook:problem:database-unavailable"))
                .body("status", equalTo(503));
        assertThat(response.getTime()).as("elapsed ms").isLessThan(FAST_MILLIS);
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + limit).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
