package io.clientbook.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorModelTest extends ApiTest {

    @Test
    void shouldAnswer404ProblemForUnknownPath() {
        asAdmin().get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", startsWith("urn:clientbook:problem:"));
    }

    @Test
    void shouldAnswer401ProblemWithoutKey() {
        given().get("/api/v1/api-keys").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldReportReadinessWithoutKey() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
