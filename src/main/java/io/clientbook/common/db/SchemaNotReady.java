package io.clientbook.common.db;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Scheduled jobs skip their turn until the schema is migrated ({@code skipExecutionIf = SchemaNotReady.class}). */
@Singleton
public class SchemaNotReady implements Scheduled.SkipPredicate {

    @Inject
    DatabaseSchema schema;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !schema.isReady();
    }
}
