package io.clientbook.common.db;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.clientbook.common.error.Causes;
import io.clientbook.common.error.DatabaseProblems;
import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the schema (Flyway) and then validates the entities against it (Hibernate), so the service
 * can start while its database is away.
 * <ul>
 * <li>Database reachable at start-up: both run before the service takes requests, as
 * {@code migrate-at-start} and {@code validate} did; a failing migration or a schema that does not match
 * the entities stops the start.</li>
 * <li>Database unreachable (or the pool exhausted) at start-up: the service starts anyway — liveness UP,
 * readiness DOWN ({@code migrations}), the API 503 — and tries again in the background, waiting 1 s, 2 s,
 * 4 s… up to {@code clientbook.db.migration-retry-max-delay}, until it succeeds. A failure that is not
 * the database being away (a broken migration, a schema mismatch) ends the retries: readiness stays DOWN
 * with the error.</li>
 * </ul>
 * Hibernate's own validation at boot is off ({@code schema-management.strategy=none}) because it needs
 * the migrated schema, which at boot may not exist yet; it runs here, right after each migration.
 */
@ApplicationScoped
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    @Inject
    Flyway flyway;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DatabaseConfig config;
    @Inject
    Event<SchemaReady> ready;

    private volatile boolean migrated;
    private volatile String failure;
    private ScheduledExecutorService retries;

    void onStart(@Observes StartupEvent event) {
        try {
            migrate();
        } catch (RuntimeException e) {
            if (!DatabaseProblems.isPassing(e)) {
                throw e;
            }
            LOG.warnf("The database cannot be reached at start-up (%s): answering 503 and readiness DOWN until it "
                    + "can, migrating in the background", Causes.rootMessage(e));
            failure = "waiting for the database: " + Causes.rootMessage(e);
            retries = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "schema-migration");
                t.setDaemon(true);
                return t;
            });
            retryAfter(FIRST_RETRY);
        }
    }

    @PreDestroy
    void stop() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    /** True once the schema is migrated and matches the entities. */
    public boolean isReady() {
        return migrated;
    }

    /** Why the schema is not ready (null when it is, or before the first attempt). */
    public String failure() {
        return failure;
    }

    private void retryAfter(Duration delay) {
        retries.schedule(() -> {
            try {
                migrate();
                LOG.info("The database is back: schema migrated, the service is ready");
            } catch (RuntimeException e) {
                if (DatabaseProblems.isPassing(e)) {
                    failure = "waiting for the database: " + Causes.rootMessage(e);
                    Duration next = delay.multipliedBy(2);
                    retryAfter(next.compareTo(config.migrationRetryMaxDelay()) > 0 ? config.migrationRetryMaxDelay() : next);
                } else {
                    failure = Causes.rootMessage(e);
                    LOG.error("Schema migration or validation failed; the service stays not ready", e);
                }
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void migrate() {
        if (migrated) {
            return;
        }
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            // A migration that cannot run in a transaction may have changed its session's settings.
            dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
        sessionFactory.getSchemaManager().validateMappedObjects();
        migrated = true;
        failure = null;
        ready.fire(new SchemaReady());
    }
}
