package io.clientbook.common.devdb;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The datasource keys of an embedded PostgreSQL, started on the first read of one of them (so
 * building the application, which also reads configuration, never starts a database).
 */
final class EmbeddedPostgresConfigSource implements ConfigSource {

    private static final Set<String> KEYS = Set.of(
            EmbeddedPostgresConfigSourceFactory.URL_KEY, "quarkus.datasource.username", "quarkus.datasource.password");

    private final String dataDir;
    private final OptionalInt port;

    EmbeddedPostgresConfigSource(String dataDir, OptionalInt port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public Set<String> getPropertyNames() {
        return KEYS;
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEYS.contains(propertyName)) {
            return null;
        }
        Map<String, String> values = EmbeddedPostgresLauncher.ensureStarted(dataDir, port);
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "clientbook-embedded-postgres";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
