package io.clientbook.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiKeyResourceTest extends ApiTest {

    @Inject
    EntityManager em;
    @Inject
    ApiKeyConfig config;

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
    void shouldStopAcceptingAKeyRevokedByAnotherInstanceWithinTheCacheTtl() throws InterruptedException {
        var created = asAdmin().body(Map.of("name", "elsewhere", "role", "agent")).post("/api/v1/api-keys").then()
                .statusCode(201).extract();
        String id = created.path("id");
        String secret = created.path("key");
        given().header("Authorization", "Bearer " + secret).get("/api/v1/customers?limit=1").then().statusCode(200);

        // Another replica revokes it: this instance learns of it only from the database, once its cached entry expires.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE api_key SET revoked_at = now(), version = version + 1 WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, id).executeUpdate());
        long revoked = System.nanoTime();
        Duration patience = config.cacheTtl().plusSeconds(3);
        int status;
        do {
            status = given().header("Authorization", "Bearer " + secret).get("/api/v1/customers?limit=1").then()
                    .extract().statusCode();
            if (status != 401) {
                Thread.sleep(100);
            }
        } while (status != 401 && System.nanoTime() - revoked < patience.toNanos());
        assertThat(status).isEqualTo(401);
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
