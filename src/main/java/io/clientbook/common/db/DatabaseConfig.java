package io.clientbook.common.db;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Clientbook bounds its use of PostgreSQL (prefix {@code clientbook.db}, environment CLIENTBOOK_DB_…). */
@ConfigMapping(prefix = "clientbook.db")
public interface DatabaseConfig {

    /**
     * Longest one statement may run (PostgreSQL {@code statement_timeout}, set on every pooled connection when
     * it is opened), so one heavy request cannot hold a connection for long; the client gets 503 with
     * {@code Retry-After}. {@code PT0S}: no limit.
     */
    @WithDefault("PT15S")
    Duration statementTimeout();

    /**
     * The bound of the jobs that are long on purpose, set for their own transaction only: the follow-up daily
     * job, campaigns, the tier what-if preview and segment exports (per fetch of rows). Tier runs use
     * {@code clientbook.tiers.run-timeout}; migrations have none.
     */
    @WithDefault("PT10M")
    Duration jobStatementTimeout();

    /**
     * Longest wait between two attempts to migrate the schema when the database could not be reached at
     * start-up (the waits double from one second up to this).
     */
    @WithDefault("PT30S")
    Duration migrationRetryMaxDelay();
}
