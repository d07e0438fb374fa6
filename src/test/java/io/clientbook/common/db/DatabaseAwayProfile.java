package io.clientbook.common.db;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service on a database behind a proxy that refuses connections when Quarkus boots: the start while the
 * database is down, then outages at will. Retries of the migration at most a second apart, so the test
 * does not wait long once the database appears.
 */
public class DatabaseAwayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("clientbook.db.migration-retry-max-delay", "PT1S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxiedPostgres.class, Map.of("start", "refusing")));
    }
}
