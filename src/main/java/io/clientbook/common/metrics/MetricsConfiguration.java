package io.clientbook.common.metrics;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Latency as histograms, not only sums and counts: HTTP requests per route (the URI template,
 * e.g. {@code /api/v1/customers/{id}}) and tier runs get {@code _bucket} series, so p50/p99 can be
 * computed across replicas with {@code histogram_quantile} in Prometheus.
 */
@Singleton
public class MetricsConfiguration {

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("http.server.requests") || id.getName().startsWith("clientbook.tier.run")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
