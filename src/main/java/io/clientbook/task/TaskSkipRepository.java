package io.clientbook.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TaskSkipRepository implements PanacheRepositoryBase<TaskSkip, UUID> {

    /** One page of skips, newest first, keyset-paged on (skippedAt, id) descending. */
    public List<TaskSkip> page(UUID customerId, String source, SkipReason reason, Instant afterSkippedAt, UUID afterId,
            int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (customerId != null) {
            where.add("customerId = :customerId");
            params.put("customerId", customerId);
        }
        if (source != null) {
            where.add("source = :source");
            params.put("source", source);
        }
        if (reason != null) {
            where.add("reason = :reason");
            params.put("reason", reason);
        }
        if (afterSkippedAt != null) {
            where.add("(skippedAt, id) < (:afterAt, :afterId)");
            params.put("afterAt", afterSkippedAt);
            params.put("afterId", afterId);
        }
        String hql = "from TaskSkip" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by skippedAt desc, id desc";
        return find(hql, params).page(0, size).list();
    }
}
