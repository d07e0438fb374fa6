package io.clientbook.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.clientbook.customer.ContactChannel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    public Optional<Interaction> findOfCustomer(UUID customerId, UUID id) {
        return find("id = ?1 and customerId = ?2", id, customerId).firstResultOptional();
    }

    /**
     * One page of a customer's contact log, newest first: keyset-paged on (occurredAt, id)
     * descending, as interaction_customer_idx is ordered. {@code afterOccurredAt} null: the first page.
     */
    public List<Interaction> page(UUID customerId, ContactChannel channel, Direction direction, Instant afterOccurredAt,
            UUID afterId, int size) {
        List<String> where = new ArrayList<>(List.of("customerId = :customerId"));
        Map<String, Object> params = new HashMap<>(Map.of("customerId", customerId));
        if (channel != null) {
            where.add("channel = :channel");
            params.put("channel", channel);
        }
        if (direction != null) {
            where.add("direction = :direction");
            params.put("direction", direction);
        }
        if (afterOccurredAt != null) {
            where.add("(occurredAt, id) < (:afterOccurredAt, :afterId)");
            params.put("afterOccurredAt", afterOccurredAt);
            params.put("afterId", afterId);
        }
        return find("from Interaction where " + String.join(" and ", where) + " order by occurredAt desc, id desc", params)
                .page(0, size).list();
    }

    /**
     * Replaces the free text of a customer's contact log by {@code marker} (an absent outcome stays
     * absent), one statement for all entries; moves their versions, since their content changed.
     */
    public int eraseTextsOf(UUID customerId, String marker) {
        return getEntityManager().createNativeQuery("""
                UPDATE interaction
                SET summary = ?2, outcome = CASE WHEN outcome IS NULL THEN NULL ELSE ?2 END, version = version + 1
                WHERE customer_id = ?1""")
                .setParameter(1, customerId).setParameter(2, marker).executeUpdate();
    }
}
