package io.clientbook.security;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** Keys in creation order after the keyset position (createdAt, id). */
    public List<ApiKey> pageAfter(java.time.Instant createdAt, UUID id, int size) {
        if (createdAt == null) {
            return find("order by createdAt, id").page(0, size).list();
        }
        return find("(createdAt, id) > (:at, :id) order by createdAt, id",
                Parameters.with("at", createdAt).and("id", id)).page(0, size).list();
    }
}
