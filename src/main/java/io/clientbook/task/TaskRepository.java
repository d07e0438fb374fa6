package io.clientbook.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /** Reads and locks the row, so concurrent edits apply one after the other to the current version. */
    public Optional<Task> findForUpdate(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Task.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page of tasks in work-queue order: due first, then HIGH before NORMAL before LOW, then id;
     * keyset-paged on (dueAt, priorityRank, id), which the (…, due_at, priority_rank, id) indexes serve.
     */
    public List<Task> page(TaskListQuery query, Instant afterDueAt, Short afterRank, UUID afterId, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.assignee() != null) {
            where.add("assignee = :assignee");
            params.put("assignee", query.assignee());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.put("status", query.status());
        }
        if (query.type() != null) {
            where.add("type = :type");
            params.put("type", query.type());
        }
        if (query.customerId() != null) {
            where.add("customerId = :customerId");
            params.put("customerId", query.customerId());
        }
        if (query.source() != null) {
            where.add("source = :source");
            params.put("source", query.source());
        }
        if (query.triggerKey() != null) {
            where.add("triggerKey = :triggerKey");
            params.put("triggerKey", query.triggerKey());
        }
        if (query.dueBefore() != null) {
            where.add("dueAt < :dueBefore");
            params.put("dueBefore", query.dueBefore());
        }
        if (query.overdue()) {
            where.add("status = :open and dueAt < :now");
            params.put("open", TaskStatus.OPEN);
            params.put("now", query.now());
        }
        if (afterDueAt != null) {
            where.add("(dueAt, priorityRank, id) > (:afterDueAt, :afterRank, :afterId)");
            params.put("afterDueAt", afterDueAt);
            params.put("afterRank", afterRank);
            params.put("afterId", afterId);
        }
        String hql = "from Task" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by dueAt, priorityRank, id";
        return find(hql, params).page(0, size).list();
    }

    /**
     * Erasure's share of the tasks: staff write free text into manual task titles and into outcomes,
     * so those become the erasure marker (generated titles are the rules' own words and stay).
     */
    public int eraseTextOf(UUID customerId, String marker, Instant now) {
        getEntityManager().flush();
        return getEntityManager().createNativeQuery("""
                UPDATE task SET outcome = CASE WHEN outcome IS NULL THEN NULL ELSE ?2 END,
                                title = CASE WHEN source = 'MANUAL' THEN ?2 ELSE title END,
                                version = version + 1, updated_at = ?3
                WHERE customer_id = ?1 AND (outcome IS NOT NULL OR source = 'MANUAL')""")
                .setParameter(1, customerId).setParameter(2, marker).setParameter(3, now).executeUpdate();
    }

    /** Cancels the customer's open tasks (erasure); returns how many. */
    public int cancelOpenOf(UUID customerId, Instant now) {
        getEntityManager().flush();
        return getEntityManager().createNativeQuery("""
                UPDATE task SET status = 'CANCELLED', version = version + 1, updated_at = ?2
                WHERE customer_id = ?1 AND status = 'OPEN'""")
                .setParameter(1, customerId).setParameter(2, now).executeUpdate();
    }
}
