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
    void shouldAnswer400NamingTheFieldForTextTheDatabaseCannotStore() {
        // A NUL failed the INSERT (500); a lone NUL was trimmed to nothing and taken; an unpaired
        // surrogate was stored as '?'. Each is now a 400 naming the field, wherever it sits.
        asAdmin().body("{\"lastName\": \"a\\u0000b\"}").post("/api/v1/customers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lastName")).body("errors[0].message", containsString("NUL"));
        asAdmin().body("{\"lastName\": \"X\", \"notes\": \"\\u0000\"}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("notes"));
        asAdmin().body("{\"lastName\": \"X\", \"tags\": [\"ok\", \"a\\ud800\"]}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("tags[1]"))
                .body("errors[0].message", containsString("unpaired surrogate"));
        asAdmin().body("{\"name\": \"\\udc00\", \"role\": \"agent\"}").post("/api/v1/api-keys").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void shouldAnswer400ForANumberWhereAnEnumerationIsExpected() {
        // Jackson took a number as an index into the constants: gender 1 was stored as MALE.
        asAdmin().body("{\"lastName\": \"X\", \"gender\": 1}").post("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("gender"));
    }

    @Test
    void shouldAnswer400ForTimesOutsideTheYearsTheDatabaseHolds() {
        // Java reads years up to ±999,999,999; PostgreSQL failed on them (500).
        asAdmin().body("{\"lastName\": \"X\", \"expectedPurchaseDate\": \"+999999999-12-31\"}").post("/api/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("expectedPurchaseDate"))
                .body("errors[0].message", containsString("0001 to 9999"));
        asAdmin().urlEncodingEnabled(false).get("/api/v1/tasks?dueBefore=%2B999999999-12-31T23:59:59Z").then()
                .statusCode(400).body("errors[0].field", equalTo("dueBefore"));
    }

    @Test
    void shouldAnswer400ForForgedCursors() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String farFuture = b64.encodeToString("createdAt\u001f+999999999-12-31T23:59:59Z\u001f6f1c1a52-0000-4000-8000-000000000000"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String nul = b64.encodeToString("createdAt\u001f\u0000\u001f6f1c1a52-0000-4000-8000-000000000000"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        asAdmin().queryParam("cursor", farFuture).get("/api/v1/segments").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        asAdmin().queryParam("cursor", nul).get("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldAnswer400ForANumberWithMoreDigitsThanTheParserReads() {
        asAdmin().body("{\"amount\": " + "9".repeat(2000) + "}").post("/api/v1/purchases").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("more digits"));
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
