package io.clientbook.tier;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class TierChangeRepository implements PanacheRepositoryBase<TierChange, Long> {

    /**
     * A customer's changes newest first, keyset-paged on id descending (ids grow with time, since runs
     * never overlap); {@code afterId} null: the first page.
     */
    public List<TierChange> page(UUID customerId, Long afterId, int size) {
        Parameters params = Parameters.with("customerId", customerId);
        String where = "customerId = :customerId";
        if (afterId != null) {
            where += " and id < :afterId";
            params.and("afterId", afterId);
        }
        return find(where + " order by id desc", params).page(0, size).list();
    }
}
