package io.clientbook.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiKeyResourceTest extends ApiTest {

    @Test
    void shouldShowTheSecretOnceAndAuthenticateWithIt() {
        var created = asAdmin().body(Map.of("name", "shop", "role", "integration")).post("/api/v1/api-keys").then()
                .statusCode(201).header("Location", containsString("/api/v1/api-keys/"))
                .body("key", startsWith("cb_")).body("role", equalTo("integration")).extract();
        String id = created.path("id");
        String secret = created.path("key");

        asAdmin().get("/api/v1/api-keys/" + id).then().statusCode(200).body("key", nullValue())
                .body("prefix", equalTo(secret.substring(0, 8)));
        given().header("Authorization", "Bearer " + secret).get("/api/v1/customers/by-external-ref/none").then()
                .statusCode(404);
    }

    @Test
    void shouldRejectARevokedKey() {
        String secret = asAdmin().body(Map.of("name", "temp", "role", "agent")).post("/api/v1/api-keys").then()
                .statusCode(201).extract().path("key");
        String id = asAdmin().get("/api/v1/api-keys?limit=200").then().extract()
                .jsonPath().getString("items.find { it.prefix == '" + secret.substring(0, 8) + "' }.id");
        given().header("Authorization", "Bearer " + secret).get("/api/v1/customers").then().statusCode(200);
        asAdmin().header("If-Match", "\"7\"").delete("/api/v1/api-keys/" + id).then().statusCode(412);
        asAdmin().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        asAdmin().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + secret).get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void shouldValidateTheRole() {
        asAdmin().body(Map.of("name", "x", "role", "superuser")).post("/api/v1/api-keys").then()
                .statusCode(400).body("errors[0].field", equalTo("role"));
        asAdmin().body(Map.of("role", "agent")).post("/api/v1/api-keys").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void shouldLetOnlyAdminsManageKeys() {
        for (String role : new String[] { "agent", "integration", "analyst" }) {
            as(role).body(Map.of("name", "x", "role", "admin")).post("/api/v1/api-keys").then().statusCode(403);
        }
        given().contentType("application/json").body(Map.of("name", "x", "role", "admin")).post("/api/v1/api-keys")
                .then().statusCode(401);
    }
}
