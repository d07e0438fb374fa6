package io.clientbook.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The published contract, {@code openapi.yaml} at the top of the repository, must be exactly what
 * the service serves. Refresh it with the command printed on failure.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path PUBLISHED = Path.of("openapi.yaml");
    static final String REFRESH = "./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true";

    @Test
    void shouldServeExactlyThePublishedContract() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(PUBLISHED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PUBLISHED)).as("openapi.yaml is missing; create it with: " + REFRESH).isTrue();
        String published = Files.readString(PUBLISHED, StandardCharsets.UTF_8);
        if (!served.equals(published)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/openapi-served.yaml"), served, StandardCharsets.UTF_8);
        }
        assertThat(served)
                .as("openapi.yaml differs from the contract the service serves (saved as target/openapi-served.yaml; "
                        + "diff the two). If the change is intended, refresh it with: " + REFRESH)
                .isEqualTo(published);
    }

    @Test
    void shouldDocumentEveryOperationWithASummaryAndErrorResponses() {
        var doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (!java.util.Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            assertThat(op.get("summary")).as(method + " " + path + " summary").isNotNull();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>) op.get("responses");
            assertThat(responses).as(method + " " + path + " responses").containsKeys("400", "401", "403", "500");
            assertThat(responses.keySet().stream().anyMatch(code -> code.startsWith("2")))
                    .as(method + " " + path + " has a success response").isTrue();
        }));
    }
}
