package io.clientbook.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    /** Webhooks in creation order after the keyset position (createdAt, id); null: from the first. */
    public List<Webhook> pageAfter(Instant createdAt, UUID id, int size) {
        if (createdAt == null) {
            return find("order by createdAt, id").page(0, size).list();
        }
        return find("(createdAt, id) > (:at, :id) order by createdAt, id",
                Parameters.with("at", createdAt).and("id", id)).page(0, size).list();
    }
}
