package io.clientbook.common.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of its own (not the one the other tests share) reached only through a
 * {@link ToggleableTcpProxy}, so a test can take the database away from the service and give it back.
 * Argument {@code start}: {@code open} (default) or {@code refusing}, the proxy's state when Quarkus boots.
 */
public class ProxiedPostgres implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private ToggleableTcpProxy proxy;
    private boolean refusing;

    @Override
    public void init(Map<String, String> args) {
        refusing = "refusing".equals(args.get("start"));
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("fsync", "off")
                    .start();
            proxy = new ToggleableTcpProxy("localhost", postgres.getPort());
            if (!refusing) {
                proxy.open();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(InjectProxy.class, ToggleableTcpProxy.class));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
