package io.clientbook.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery settings (CLIENTBOOK_WEBHOOKS_…). */
@ConfigMapping(prefix = "clientbook.webhooks")
public interface WebhookConfig {

    /** Run the delivery worker on this instance; replicas can all run it (claims never overlap). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often the worker turns new feed events into deliveries and sends the due ones. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Deliveries sent at once (concurrently) by one worker run. */
    @WithDefault("50")
    int batchSize();

    /** Time allowed to open the connection to a receiver. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Time allowed for the receiver's answer once connected; longer is a timeout (retried). */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Attempts per delivery, the first included, before it is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the first retry; each further retry waits twice as long as the one before. */
    @WithDefault("PT10S")
    Duration retryBaseDelay();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration retryMaxDelay();
}
