package io.clientbook;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.clientbook.task.PurchaseFollowUpWorker;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shared helpers of the HTTP tests: keys per role and request specs that carry them. */
public abstract class ApiTest {

    public static final String ADMIN_KEY = "test-admin-key";
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    /** A request as the bootstrap admin. */
    protected static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON);
    }

    /** A request with a stored key of the role (created once per test JVM). */
    protected static RequestSpecification as(String role) {
        if ("admin".equals(role)) {
            return asAdmin();
        }
        String key = KEYS.computeIfAbsent(role, r -> asAdmin()
                .body(Map.of("name", "test-" + r, "role", r))
                .post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("key"));
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /**
     * Waits until the follow-up tasks of every purchase committed so far are made: the service makes
     * them after the purchase's commit ({@link PurchaseFollowUpWorker}), so a test that reads them right
     * after its purchases drains the worker first, as it would otherwise wait for its next run.
     */
    protected static void awaitPurchaseFollowUps() {
        Arc.container().instance(PurchaseFollowUpWorker.class).get().drain(Duration.ofSeconds(20));
    }

    /**
     * A connection of its own to the service's database, outside the service's pool: to hold a lock or
     * a transaction open across requests, or to be terminated. The caller closes it.
     */
    protected static Connection connectOutsideThePool() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    /** Runs one statement on the connection. */
    protected static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    /** The first row's columns as text (empty without a row). */
    protected static List<String> query(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> row = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
            }
            return row;
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
