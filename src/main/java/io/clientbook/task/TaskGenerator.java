package io.clientbook.task;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    /**
     * The advisory lock of set-based generations. Its value is the key campaigns have always taken
     * ("clbcampg"), so a replica still running the previous version keeps serialising with this one.
     */
    static final long SET_BASED_LOCK_KEY = 0x636c_6263_616d_7067L;

    @Inject
    EntityManager em;
    @Inject
    TaskGenerationSql sql;
    @Inject
    TaskMetrics metrics;
    @Inject
    Event<DomainEvent> events;
    @Inject
    Event<TasksCreated> batchEvents;

    /**
     * Waits until no set-based generation (a campaign, the daily job, a tier run's rules) of any replica
     * is at work, and keeps the others waiting until the caller's transaction ends. The frequency cap
     * sees committed tasks and the transaction's own, so two such generations at once would each miss
     * the other's tasks and could plan two contacts of one customer closer than the cap. The wait is
     * bounded by the caller's statement timeout. Generations of one customer's event (a purchase, a
     * complaint) do not take it: they run under that customer's row lock.
     */
    public void awaitSetBasedTurn() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, SET_BASED_LOCK_KEY).getSingleResult();
    }

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
