package io.clientbook.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.clientbook.common.paging.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** A row of a list page and the text of its sort value, for the next cursor. */
    public record Row(Customer customer, String sortValue) {
    }

    /**
     * Reads and locks the row for the rest of the transaction, so concurrent edits apply one after
     * the other to the current version (If-Match is then checked against what is really there).
     */
    public Optional<Customer> findForUpdate(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Customer> findByExternalRef(String externalRef) {
        return find("externalRef", externalRef).firstResultOptional();
    }

    /** Serialises upserts of one external ref for the rest of the transaction (two creators would otherwise race). */
    public void lockExternalRef(String externalRef) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, "customer.external_ref:" + externalRef).getSingleResult();
    }

    /**
     * One page of the customer list, keyset-paged on (sort expression, id). Written as SQL because
     * the sort expressions must match the indexes exactly; values are always bound, never spliced.
     */
    @SuppressWarnings("unchecked")
    public List<Row> list(CustomerListQuery query, Cursor after, int size) {
        StringBuilder sql = new StringBuilder("SELECT {c.*}, (")
                .append(query.order().sort().expression).append(")::text AS sort_value FROM customer c WHERE c.erased_at IS NULL");
        Map<String, Object> params = new HashMap<>();
        if (query.q() != null) {
            sql.append(" AND (concat_ws(' ', c.first_name, c.last_name) ILIKE :q OR c.external_ref ILIKE :q");
            sql.append(query.qInContacts() ? " OR c.email ILIKE :q OR c.phone ILIKE :q)" : ")");
            params.put("q", "%" + escapeLike(query.q()) + "%");
        }
        if (query.tier() != null) {
            sql.append(" AND c.tier = :tier");
            params.put("tier", query.tier().name());
        }
        if (query.tag() != null) {
            sql.append(" AND c.tags @> ARRAY[CAST(:tag AS text)]");
            params.put("tag", query.tag().toLowerCase(Locale.ROOT));
        }
        if (query.region() != null) {
            sql.append(" AND c.region = :region");
            params.put("region", query.region());
        }
        if (query.buyingStage() != null) {
            sql.append(" AND c.buying_stage = :stage");
            params.put("stage", query.buyingStage().name());
        }
        if (query.owner() != null) {
            sql.append(" AND c.owner = :owner");
            params.put("owner", query.owner());
        }
        String expr = query.order().sort().expression;
        String dir = query.order().descending() ? "DESC" : "ASC";
        if (after != null) {
            sql.append(" AND (").append(expr).append(", c.id) ").append(query.order().descending() ? "<" : ">")
                    .append(" (CAST(:after AS ").append(query.order().sort().sqlType).append("), CAST(:afterId AS uuid))");
            params.put("after", after.value());
            params.put("afterId", after.id().toString());
        }
        sql.append(" ORDER BY ").append(expr).append(' ').append(dir).append(", c.id ").append(dir).append(" LIMIT :size");
        params.put("size", size);

        NativeQuery<Object[]> q = getEntityManager().unwrap(org.hibernate.Session.class)
                .createNativeQuery(sql.toString(), Object[].class)
                .addEntity("c", Customer.class)
                .addScalar("sort_value", StandardBasicTypes.STRING);
        params.forEach(q::setParameter);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : q.getResultList()) {
            rows.add(new Row((Customer) r[0], (String) r[1]));
        }
        return rows;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
