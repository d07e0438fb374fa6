package io.clientbook.segment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SegmentRepository implements PanacheRepositoryBase<Segment, UUID> {

    /** Reads and locks the row, so concurrent replaces apply one after the other (If-Match checked against what is there). */
    public Optional<Segment> findForUpdate(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Segment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Another segment with this name, ignoring case (the unique index is on lower(name)). */
    public Optional<Segment> findByName(String name) {
        return find("lower(name) = ?1", name.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** A page in creation order, keyset on (created_at, id). */
    public List<Segment> page(Instant afterCreatedAt, UUID afterId, int size) {
        if (afterCreatedAt == null) {
            return find("ORDER BY createdAt, id").page(0, size).list();
        }
        return find("(createdAt > ?1 OR (createdAt = ?1 AND id > ?2)) ORDER BY createdAt, id", afterCreatedAt, afterId)
                .page(0, size).list();
    }
}
