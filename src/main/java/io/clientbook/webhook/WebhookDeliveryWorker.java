package io.clientbook.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.clientbook.common.db.SchemaNotReady;
import io.clientbook.common.error.DatabaseProblems;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers webhooks from the outbox, at least once: each run turns new feed events into deliveries,
 * then claims the due ones, sends them concurrently and records each outcome with its next attempt.
 * Every replica may run it; the claims keep them apart.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    static final String DELIVERED_METRIC = "clientbook.webhook.deliveries";
    static final String FAILED_METRIC = "clientbook.webhook.failures";
    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);

    @Inject
    WebhookConfig config;
    @Inject
    DeliveryQueue queue;
    @Inject
    WebhookSender sender;
    @Inject
    MeterRegistry metrics;

    @Scheduled(identity = "webhook-delivery", every = "${clientbook.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SchemaNotReady.class)
    void run() {
        if (!config.workerEnabled()) {
            return;
        }
        try {
            queue.fanOut();
            queue.failExhausted(config.maxAttempts());
            deliverDue();
        } catch (RuntimeException e) {
            // The next run starts afresh; claimed attempts come back when their lease lapses.
            if (DatabaseProblems.isPassing(e)) {
                // The database is away or busy: one line a second, not a stack trace a second.
                LOG.warnf("webhook delivery run skipped, database unavailable: %s", e.getMessage());
            } else {
                LOG.warn("webhook delivery run failed", e);
            }
        }
    }

    /** Sends one batch of due deliveries and records their outcomes; returns how many were sent. */
    int deliverDue() {
        RetryPolicy policy = new RetryPolicy(config.maxAttempts(), config.retryBaseDelay(), config.retryMaxDelay());
        // The lease outlasts the longest possible attempt, so no other worker takes it meanwhile.
        Duration lease = config.connectTimeout().plus(config.requestTimeout()).multipliedBy(2).plusSeconds(5);
        List<DeliveryQueue.Claimed> claimed = queue.claim(config.batchSize(), config.maxAttempts(), lease);
        List<CompletableFuture<WebhookDelivery.Attempt>> sent = new ArrayList<>(claimed.size());
        for (DeliveryQueue.Claimed c : claimed) {
            sent.add(sender.send(c));
        }
        // Outcomes are recorded here, on the worker's thread, once every concurrent attempt is back.
        for (int i = 0; i < claimed.size(); i++) {
            record(policy, claimed.get(i), sent.get(i).join());
        }
        return claimed.size();
    }

    private void record(RetryPolicy policy, DeliveryQueue.Claimed c, WebhookDelivery.Attempt attempt) {
        RetryPolicy.Verdict verdict = policy.verdict(attempt.attempt(), attempt.statusCode());
        WebhookDelivery.State state = switch (verdict) {
            case SUCCEEDED -> WebhookDelivery.State.SUCCEEDED;
            case RETRY -> WebhookDelivery.State.PENDING;
            case FAILED -> WebhookDelivery.State.FAILED;
        };
        queue.record(c, state, attempt, verdict == RetryPolicy.Verdict.RETRY ? policy.delayAfter(attempt.attempt()) : null);
        if (verdict == RetryPolicy.Verdict.SUCCEEDED) {
            metrics.counter(DELIVERED_METRIC).increment();
        } else {
            metrics.counter(FAILED_METRIC, "final", Boolean.toString(verdict == RetryPolicy.Verdict.FAILED)).increment();
        }
    }
}
