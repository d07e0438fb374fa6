package io.clientbook.tier;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test-only observer of {@link TierRunCompleted}: records each event with what it could see from
 * inside (whether a transaction was active, the run's tier_change rows, the work_mem it runs with), and fails the run's
 * transaction on demand to drive the failed-run path.
 */
@ApplicationScoped
public class RecordingTierObserver {

    /** One observed event: was there a transaction, and how many tier_change rows of the run were visible in it. */
    record Seen(TierRunCompleted event, boolean inTransaction, long changeRowsVisible, String runStatusVisible, String workMem) {
    }

    static final String FAILURE = "observer refused the tier run on purpose";

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNext = new AtomicBoolean();

    @Inject
    EntityManager em;

    void on(@Observes TierRunCompleted event) {
        boolean active = QuarkusTransaction.isActive();
        long rows = ((Number) em.createNativeQuery("SELECT count(*) FROM tier_change WHERE run_id = ?1")
                .setParameter(1, event.runId()).getSingleResult()).longValue();
        String status = (String) em.createNativeQuery("SELECT status FROM tier_run WHERE id = ?1")
                .setParameter(1, event.runId()).getSingleResult();
        String workMem = (String) em.createNativeQuery("SELECT current_setting('work_mem')").getSingleResult();
        seen.add(new Seen(event, active, rows, status, workMem));
        if (failNext.compareAndSet(true, false)) {
            throw new IllegalStateException(FAILURE);
        }
    }

    void failNextRun() {
        failNext.set(true);
    }

    List<Seen> of(UUID runId) {
        return seen.stream().filter(s -> s.event().runId().equals(runId)).toList();
    }
}
