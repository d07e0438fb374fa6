package io.clientbook.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The analyst role sees e-mail and phone masked and no birth date, on every path that returns a customer. */
@QuarkusTest
class AnalystMaskingTest extends ApiTest {

    private record Created(String id, String ref, String email, String lastName) {
    }

    private static Created customer() {
        String ref = unique("mask");
        String email = unique("mei") + "@example.com";
        String lastName = unique("Masked");
        String id = as("agent").body(Map.of("externalRef", ref, "lastName", lastName, "email", email,
                "phone", "+44 20 7946 0958", "birthDate", "1988-04-12", "tags", java.util.List.of("masking")))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        return new Created(id, ref, email, lastName);
    }

    @Test
    void shouldMaskASingleCustomerForAnalysts() {
        Created c = customer();
        as("analyst").get("/api/v1/customers/" + c.id()).then().statusCode(200)
                .body("email", equalTo("m***@example.com")).body("phone", equalTo("+** ** **** **58"))
                .body("birthDate", nullValue()).body("lastName", equalTo(c.lastName()));
        as("agent").get("/api/v1/customers/" + c.id()).then().statusCode(200)
                .body("email", equalTo(c.email())).body("phone", equalTo("+44 20 7946 0958")).body("birthDate", equalTo("1988-04-12"));
    }

    @Test
    void shouldMaskACustomerReadByExternalRefForAnalysts() {
        Created c = customer();
        as("analyst").get("/api/v1/customers/by-external-ref/" + c.ref()).then().statusCode(200)
                .body("email", equalTo("m***@example.com")).body("phone", equalTo("+** ** **** **58")).body("birthDate", nullValue());
        as("integration").get("/api/v1/customers/by-external-ref/" + c.ref()).then().statusCode(200)
                .body("email", equalTo(c.email())).body("birthDate", equalTo("1988-04-12"));
    }

    @Test
    void shouldMaskListsForAnalysts() {
        Created c = customer();
        JsonPath page = as("analyst").queryParam("q", c.lastName()).get("/api/v1/customers").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(c.id());
        assertThat(page.getString("items[0].email")).isEqualTo("m***@example.com");
        assertThat(page.getString("items[0].phone")).isEqualTo("+** ** **** **58");
        assertThat(page.getString("items[0].birthDate")).isNull();
        String raw = as("analyst").get("/api/v1/customers?tag=masking&limit=200").asString();
        assertThat(raw).doesNotContain(c.email()).doesNotContain("7946 0958").doesNotContain("1988-04-12");
    }

    @Test
    void shouldNotLetAnalystsFindCustomersByContactData() {
        Created c = customer();
        assertThat(as("analyst").queryParam("q", c.email()).get("/api/v1/customers").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        assertThat(as("analyst").queryParam("q", "7946 0958").queryParam("tag", "masking").get("/api/v1/customers")
                .then().extract().jsonPath().getList("items")).isEmpty();
        assertThat(as("agent").queryParam("q", c.email()).get("/api/v1/customers").then().statusCode(200)
                .extract().jsonPath().getList("items.id")).containsExactly(c.id());
    }
}
