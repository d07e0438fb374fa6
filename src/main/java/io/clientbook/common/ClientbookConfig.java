package io.clientbook.common;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Clientbook's own settings; every key can be set by environment variable (CLIENTBOOK_…). */
@ConfigMapping(prefix = "clientbook")
public interface ClientbookConfig {

    /** ISO 4217 code of the one currency this deployment books purchases in; others are refused with 422. */
    @WithDefault("EUR")
    String currency();

    /** An admin API key accepted without being stored, so a fresh install can create the others. Unset: none. */
    Optional<String> bootstrapAdminKey();

    /** Idempotency-Key records. */
    Idempotency idempotency();

    /** The embedded PostgreSQL of the dev and test profiles (read by the config source that starts it). */
    EmbeddedDb embeddedDb();

    interface Idempotency {
        /** How long a key's first response is kept for replay; at least 24 hours. */
        @WithDefault("PT48H")
        Duration retention();
    }

    interface EmbeddedDb {
        /** Start an embedded PostgreSQL in dev and test when no JDBC URL is configured. */
        @WithDefault("true")
        boolean enabled();

        /** Directory of the embedded cluster; dev defaults to target/clientbook-dev-db, tests to a fresh temporary one. */
        Optional<String> dataDir();

        /** Port of the embedded server; 0 picks a free one. */
        @WithDefault("0")
        int port();
    }
}
