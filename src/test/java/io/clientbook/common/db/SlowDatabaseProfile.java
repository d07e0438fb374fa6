package io.clientbook.common.db;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A small pool that gives up quickly and a short statement bound, so exhaustion and slow statements show
 * within a test's patience: 8 connections, 1 s to get one, 1 s per statement.
 */
public class SlowDatabaseProfile implements QuarkusTestProfile {

    static final int POOL_SIZE = 8;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", Integer.toString(POOL_SIZE),
                "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                "clientbook.db.statement-timeout", "PT1S");
    }
}
