package io.clientbook.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.clientbook.common.paging.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vertx.core.buffer.Buffer;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    @Inject
    DataSource dataSource;
    @Inject
    CustomerRows rows;

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
     * Run over JDBC and written as the page's JSON by {@link CustomerRows}: Hibernate's native query resolved
     * its result mapping on every call and tracked changes on customers that are only read.
     */
    public Buffer list(CustomerListQuery query, Cursor after, int size, boolean masked) {
        StringBuilder sql = CustomerRows.select(query.order()).append("c.erased_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (query.q() != null) {
            String like = "%" + escapeLike(query.q()) + "%";
            sql.append(" AND (concat_ws(' ', c.first_name, c.last_name) ILIKE ? OR c.external_ref ILIKE ?");
            sql.append(query.qInContacts() ? " OR c.email ILIKE ? OR c.phone ILIKE ?)" : ")");
            params.addAll(Collections.nCopies(query.qInContacts() ? 4 : 2, like));
        }
        if (query.tier() != null) {
            sql.append(" AND c.tier = ?");
            params.add(query.tier().name());
        }
        if (query.tag() != null) {
            sql.append(" AND c.tags @> ARRAY[CAST(? AS text)]");
            params.add(query.tag().toLowerCase(Locale.ROOT));
        }
        if (query.region() != null) {
            sql.append(" AND c.region = ?");
            params.add(query.region());
        }
        if (query.buyingStage() != null) {
            sql.append(" AND c.buying_stage = ?");
            params.add(query.buyingStage().name());
        }
        if (query.owner() != null) {
            sql.append(" AND c.owner = ?");
            params.add(query.owner());
        }
        CustomerRows.appendKeyset(sql, query.order(), after != null);
        if (after != null) {
            params.add(after.value());
            params.add(after.id().toString());
        }
        params.add(size + 1);
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return rows.page(ps, query.order(), after, size, masked);
        } catch (SQLException e) {
            throw new IllegalStateException("Customer list query failed", e);
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
