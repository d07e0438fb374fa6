package io.clientbook.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    /** Reads and locks the row, so concurrent edits apply one after the other to the current version. */
    public java.util.Optional<Complaint> findForUpdate(UUID id) {
        return java.util.Optional.ofNullable(
                getEntityManager().find(Complaint.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page of complaints, newest first: keyset-paged on (createdAt, id) descending, which the
     * (…, created_at, id) indexes serve scanned backwards. {@code afterCreatedAt} null: the first page.
     */
    public List<Complaint> page(ComplaintListQuery query, Instant afterCreatedAt, UUID afterId, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.status() != null) {
            where.add("status = :status");
            params.put("status", query.status());
        }
        if (query.customerId() != null) {
            where.add("customerId = :customerId");
            params.put("customerId", query.customerId());
        }
        if (query.severity() != null) {
            where.add("severity = :severity");
            params.put("severity", query.severity());
        }
        if (afterCreatedAt != null) {
            where.add("(createdAt, id) < (:afterCreatedAt, :afterId)");
            params.put("afterCreatedAt", afterCreatedAt);
            params.put("afterId", afterId);
        }
        String hql = "from Complaint" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by createdAt desc, id desc";
        return find(hql, params).page(0, size).list();
    }

    /**
     * Replaces the free text of a customer's complaints by {@code marker} (absent text stays absent),
     * one statement for all of them; moves their versions, since their content changed.
     */
    public int eraseTextsOf(UUID customerId, String marker, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE complaint
                SET subject = ?2,
                    description = CASE WHEN description IS NULL THEN NULL ELSE ?2 END,
                    resolution = CASE WHEN resolution IS NULL THEN NULL ELSE ?2 END,
                    version = version + 1, updated_at = ?3
                WHERE customer_id = ?1""")
                .setParameter(1, customerId).setParameter(2, marker).setParameter(3, now).executeUpdate();
    }
}
