package io.clientbook.task;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.clientbook.event.DomainEvent;
import io.clientbook.event.TaskCreated;
import io.clientbook.event.TasksCreated;

/**
 * Runs a generation ({@link TaskGenerationSql}) inside the caller's transaction and announces and
 * counts what it created. This is the entry point for every rule, and for campaigns later.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TaskGenerator {

    /** How the created tasks are announced. */
    public enum Announce {
        /** One {@link TaskCreated} per task: for generations of a task or two of one customer (complaint and stage rules). */
        EACH,
        /** One {@link TasksCreated} for the set: for generations over many customers (daily job, campaigns, purchases). */
        BATCH
    }

    @Inject
    TaskGenerationSql sql;
    @Inject
    TaskMetrics metrics;
    @Inject
    Event<DomainEvent> events;
    @Inject
    Event<TasksCreated> batchEvents;

    public TaskGenerationSql.Result generate(TaskGenerationSql.Spec spec, TaskGenerationSql.Candidates candidates,
            Instant now, Announce announce) {
        TaskGenerationSql.Result result = sql.generate(spec, candidates, now);
        if (result.created() > 0) {
            if (announce == Announce.EACH) {
                sql.createdBy(result.generationId()).forEach(t -> events.fire(new TaskCreated(t)));
            } else {
                batchEvents.fire(new TasksCreated(result.generationId(), spec.source(), result.created()));
            }
            metrics.created(spec.source(), result.created());
        }
        result.skipped().forEach((reason, count) -> metrics.skipped(spec.source(), reason, count));
        return result;
    }
}
