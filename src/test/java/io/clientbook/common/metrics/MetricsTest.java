package io.clientbook.common.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** What operations scrape beyond the defaults: per-route latency histograms and the connection pool. */
@QuarkusTest
class MetricsTest extends ApiTest {

    @Test
    void shouldExposeLatencyHistogramsPerRouteAndPoolUsage() {
        asAdmin().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        given().get("/q/metrics").then()
                .body(matchesPattern("(?s).*http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/customers/\\{id}\"[^}]*}.*"))
                .body(containsString("agroal_active_count"))
                .body(containsString("agroal_awaiting_count"));
        org.assertj.core.api.Assertions.assertThat(metrics).contains("le=\"");
    }
}
