package io.clientbook.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RequestBodiesTest {

    @Test
    void shouldHaveAJsonBodyInMemoryBeforeTheWorkerRuns() {
        given().contentType("application/json").body("{\"name\": \"Ada\"}")
                .post("/test-only/body-probe").then()
                .statusCode(200)
                .body("received.name", equalTo("Ada"))
                .body("onWorker", equalTo(true))
                .body("readBeforeDispatch", equalTo(true));
    }

    @Test
    void shouldReadAChunkedJsonBodyToo() {
        // An InputStream body of unknown length goes out chunked, without Content-Length.
        byte[] json = "{\"name\": \"Grace\", \"n\": 3}".getBytes();
        given().contentType("application/json; charset=UTF-8").body(new ByteArrayInputStream(json))
                .post("/test-only/body-probe").then()
                .statusCode(200)
                .body("received.name", equalTo("Grace"))
                .body("received.n", equalTo(3))
                .body("readBeforeDispatch", equalTo(true));
    }

    @Test
    void shouldAnswer413ForAChunkedJsonBodyOverTheLimit() {
        byte[] huge = ("{\"lastName\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes();
        given().header("Authorization", "Bearer test-admin-key").contentType("application/json")
                .body(new ByteArrayInputStream(huge))
                .post("/api/v1/customers").then()
                .statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldKnowJsonMediaTypes() {
        assertTrue(RequestBodies.isJson("application/json"));
        assertTrue(RequestBodies.isJson("Application/JSON; charset=utf-8"));
        assertTrue(RequestBodies.isJson("application/merge-patch+json"));
        assertTrue(RequestBodies.isJson(" application/problem+json ;q=1"));
        assertFalse(RequestBodies.isJson(null));
        assertFalse(RequestBodies.isJson(""));
        assertFalse(RequestBodies.isJson("text/plain"));
        assertFalse(RequestBodies.isJson("text/json+csv"));
        assertFalse(RequestBodies.isJson("application/jsonx"));
        assertFalse(RequestBodies.isJson("multipart/form-data; boundary=x"));
    }
}
