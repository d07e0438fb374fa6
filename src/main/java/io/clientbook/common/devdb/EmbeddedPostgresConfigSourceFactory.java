package io.clientbook.common.devdb;

import java.util.List;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Supplies the datasource of the dev and test profiles when none is configured: a real PostgreSQL
 * started from the embedded binaries on Maven Central, so a machine with only a JDK can run and
 * test the service. The prod profile never gets here: it must be given
 * {@code QUARKUS_DATASOURCE_JDBC_URL}.
 *
 * <p>Keys read:
 * <ul>
 *   <li>{@code clientbook.embedded-db.enabled} (default true): set false to require a configured URL in dev/test too;</li>
 *   <li>{@code clientbook.embedded-db.data-dir}: where the cluster lives (dev default {@code target/clientbook-dev-db},
 *       kept between runs; tests default to a fresh temporary directory);</li>
 *   <li>{@code clientbook.embedded-db.port} (default 0, a free port).</li>
 * </ul>
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if (!dev && !test) {
            return List.of();
        }
        if (isSet(context.getValue(URL_KEY)) || "false".equalsIgnoreCase(raw(context.getValue("clientbook.embedded-db.enabled")))) {
            return List.of();
        }
        String dataDir = raw(context.getValue("clientbook.embedded-db.data-dir"));
        if (dataDir == null && dev) {
            dataDir = "target/clientbook-dev-db";
        }
        String port = raw(context.getValue("clientbook.embedded-db.port"));
        OptionalInt fixedPort = port == null || port.isBlank() || "0".equals(port.trim())
                ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port.trim()));
        return List.of(new EmbeddedPostgresConfigSource(dataDir, fixedPort));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(200);
    }

    private static boolean isSet(ConfigValue value) {
        String v = raw(value);
        return v != null && !v.isBlank();
    }

    private static String raw(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
