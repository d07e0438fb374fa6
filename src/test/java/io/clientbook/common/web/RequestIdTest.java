package io.clientbook.common.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.clientbook.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every request has an id: echoed, in problem bodies and in the request's log lines. */
@QuarkusTest
class RequestIdTest extends ApiTest {

    @Test
    void shouldEchoTheCallersRequestIdInTheHeaderAndTheProblem() {
        asAdmin().header("X-Request-Id", "checkout-42.a").get("/api/v1/customers/" + UUID.randomUUID()).then()
                .statusCode(404).header("X-Request-Id", "checkout-42.a").body("requestId", equalTo("checkout-42.a"));
        // Paths no resource serves get one too.
        given().header("X-Request-Id", "lost-7").get("/api/v1/no-such-thing").then()
                .statusCode(404).header("X-Request-Id", "lost-7").body("requestId", equalTo("lost-7"));
    }

    @Test
    void shouldMakeAnIdWhenNoneOrAnUnsafeOneIsGiven() {
        Response none = asAdmin().get("/api/v1/customers/" + UUID.randomUUID());
        String made = none.header("X-Request-Id");
        assertThat(UUID.fromString(made)).isNotNull();
        assertThat(none.jsonPath().getString("requestId")).isEqualTo(made);

        String forged = asAdmin().header("X-Request-Id", "x\" level=ERROR msg=forged")
                .get("/api/v1/customers/" + UUID.randomUUID()).header("X-Request-Id");
        assertThat(UUID.fromString(forged)).isNotNull();
    }

    @Test
    void shouldPutTheRequestIdOnTheRequestsLogLines() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().header("X-Request-Id", "trace-me-1").get("/test-only/fail").then().statusCode(500);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(records).filteredOn(r -> r.getFormattedMessage() != null
                && r.getFormattedMessage().startsWith("Unexpected failure"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getMdc("requestId")).isEqualTo("trace-me-1"));
    }
}
