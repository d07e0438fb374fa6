package io.clientbook.purchase;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Purchase ingest (CLIENTBOOK_PURCHASES_…). */
@ConfigMapping(prefix = "clientbook.purchases")
public interface PurchaseConfig {

    /**
     * Batches one instance reads and stores at the same time; others wait for a turn. Bounds the memory
     * parsed batches take (a few MB each) whatever the number of clients, and the row locks batches hold.
     */
    @WithDefault("4")
    int batchConcurrency();

    /** How long a batch waits for its turn before it is answered 503 with Retry-After. */
    @WithDefault("PT5S")
    Duration batchWait();
}
