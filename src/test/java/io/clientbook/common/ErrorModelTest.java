package io.clientbook.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** The one error format, for every kind of failure the contract names. */
@QuarkusTest
class ErrorModelTest extends ApiTest {

    @Test
    void shouldAnswer404ProblemForUnknownPath() {
        asAdmin().get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", startsWith("urn:clientbook:problem:"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ProblemForUnknownId() {
        asAdmin().get("/api/v1/customers/6f1c1a52-0000-4000-8000-000000000000").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("6f1c1a52-0000-4000-8000-000000000000"));
    }

    @Test
    void shouldAnswer405ProblemForWrongMethod() {
        asAdmin().delete("/api/v1/customers").then()
                .statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void shouldAnswer415ProblemForWrongMediaType() {
        asAdmin().contentType("text/plain").body("lastName=X").post("/api/v1/customers").then()
                .statusCode(415).contentType("application/problem+json");
        asAdmin().contentType("application/json").body("{}").patch("/api/v1/customers/6f1c1a52-0000-4000-8000-000000000000")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400ProblemForMalformedJson() {
        asAdmin().body("{\"lastName\": ").post("/api/v1/customers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:clientbook:problem:malformed-json"));
        asAdmin().body("[1, 2]").post("/api/v1/customers").then()
                .statusCode(400).contentType("application/problem+json");
        asAdmin().body("{\"lastName\": \"X\"} trailing").post("/api/v1/customers").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400NamingTheFieldOfAWrongType() {
        asAdmin().body("{\"lastName\": 42}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("lastName"));
        asAdmin().body("{\"lastName\": \"X\", \"tags\": \"vip\"}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("tags"));
        asAdmin().body("{\"lastName\": \"X\", \"consent\": {\"EMAIL\": {\"granted\": \"yes\"}}}").post("/api/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("consent.EMAIL.granted"));
        asAdmin().body("{\"lastName\": \"X\", \"birthDate\": \"12/04/1988\"}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("birthDate"));
        asAdmin().body("{\"lastName\": \"X\", \"birthDate\": 6000}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("birthDate"));
        asAdmin().body("{\"lastName\": \"X\", \"consent\": {\"EMAIL\": {\"granted\": true, \"at\": 1700000000}}}")
                .post("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("consent.EMAIL.at"));
    }

    @Test
    void shouldAnswer413ProblemForAnOversizedBody() {
        String huge = "{\"lastName\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        asAdmin().body(huge).post("/api/v1/customers").then()
                .statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400ForOverlongStrings() {
        asAdmin().body("{\"lastName\": \"" + "x".repeat(101) + "\"}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("lastName"));
    }

    @Test
    void shouldAnswer401ProblemWithoutKeyOrWithAWrongOne() {
        given().get("/api/v1/api-keys").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer cb_not-a-key").get("/api/v1/customers").then()
                .statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void shouldAnswer403ProblemForARoleThatMayNot() {
        as("agent").get("/api/v1/api-keys").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void shouldReportHealthWithoutKey() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldServeMetricsAndTheContract() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/customers"));
    }

    @Test
    void shouldAnswer500ProblemWithAnErrorIdAndNoInternals() {
        given().get("/test-only/fail").then()
                .statusCode(500).contentType("application/problem+json")
                .body("errorId", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at io.clientbook")));
    }

    @Test
    void shouldAnswer400ForATamperedCursor() {
        // A cursor that decodes but carries a value the database cannot cast is a 400, not a 500.
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "createdAt\u001fnot-a-time\u001f6f1c1a52-0000-4000-8000-000000000000".getBytes());
        asAdmin().queryParam("cursor", cursor).get("/api/v1/customers").then()
                .statusCode(400).body(not(containsString("Exception")));
    }
}
