package io.clientbook.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness {@code migrations}: DOWN until the schema is migrated and validated ({@link DatabaseSchema}). */
@Readiness
@ApplicationScoped
public class MigrationsHealthCheck implements HealthCheck {

    @Inject
    DatabaseSchema schema;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("migrations").status(schema.isReady());
        String failure = schema.failure();
        if (failure != null) {
            response.withData("error", failure);
        }
        return response.build();
    }
}
