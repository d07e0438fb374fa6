package io.clientbook.purchase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Purchase storage and the customer stats it keeps exact. The writes are SQL on purpose:
 * <ul>
 * <li>Every write path first locks the customers it touches ({@link #lockCustomers}, {@link #lockCustomer}),
 * always in id order, so concurrent writers for one customer queue up instead of deadlocking, and an
 * erasure cannot slip in between the check and the insert.</li>
 * <li>Ingest inserts a whole batch in one statement with {@code ON CONFLICT (external_id) DO NOTHING}
 * (a concurrent re-send waits on the unique index and then finds the row) and adds the inserted rows
 * to the stats by increments in the same statement.</li>
 * <li>Void recomputes the stats from the purchases, which is exact only because the customer row is
 * already locked: in READ COMMITTED the recompute's snapshot is taken after the lock was granted.</li>
 * </ul>
 * The customer entity is never loaded on these paths, so no managed copy can write stale stats back.
 */
@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    /** What purchase writes need to know about a customer. */
    public record CustomerRef(UUID id, String externalRef, boolean erased) {
    }

    /** A purchase to insert unless its externalId is already stored. */
    public record NewPurchase(UUID id, String externalId, PurchaseContent content) {
    }

    /**
     * Finds the customers named by id or external ref and locks their rows until the transaction ends,
     * in id order. {@code FOR NO KEY UPDATE} does not block the foreign-key checks of purchase inserts.
     */
    public List<CustomerRef> lockCustomers(Collection<UUID> ids, Collection<String> externalRefs) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT id, external_ref, erased_at IS NOT NULL FROM customer
                    WHERE id = ANY (?) OR external_ref = ANY (?)
                    ORDER BY id
                    FOR NO KEY UPDATE""")) {
                ps.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                ps.setArray(2, connection.createArrayOf("text", externalRefs.toArray()));
                List<CustomerRef> refs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new CustomerRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)));
                    }
                }
                return refs;
            }
        });
    }

    /** Locks one customer row until the transaction ends; false when there is no such customer. */
    public boolean lockCustomer(UUID customerId) {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM customer WHERE id = ?1 FOR NO KEY UPDATE")
                .setParameter(1, customerId).getResultList().isEmpty();
    }

    /** The customer without locking it, for reads. */
    public Optional<CustomerRef> findCustomer(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT external_ref, erased_at IS NOT NULL FROM customer WHERE id = ?1")
                .setParameter(1, customerId).getResultList();
        return rows.stream().findFirst().map(r -> new CustomerRef(customerId, (String) r[0], (Boolean) r[1]));
    }

    /**
     * Inserts the purchases whose externalId is not stored yet and adds them to their customers' stats,
     * in one statement; returns the ids of those inserted. Rows go in externalId order so that two
     * batches sharing externalIds wait on each other in the same order and never deadlock. Callers
     * must hold the customers' locks ({@link #lockCustomers}) and pass at most one row per externalId.
     */
    public Set<UUID> insertNew(List<NewPurchase> rows, Instant createdAt) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] customerIds = new Object[n];
        String[] externalIds = new String[n];
        String[] occurredAts = new String[n];
        String[] amounts = new String[n];
        String[] currencies = new String[n];
        String[] products = new String[n];
        String[] channels = new String[n];
        for (int i = 0; i < n; i++) {
            NewPurchase row = rows.get(i);
            PurchaseContent c = row.content();
            ids[i] = row.id();
            customerIds[i] = c.customerId();
            externalIds[i] = row.externalId();
            occurredAts[i] = c.occurredAt().toString();
            amounts[i] = c.amount().toPlainString();
            currencies[i] = c.currency();
            products[i] = c.product();
            channels[i] = c.channel();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    WITH input AS (
                        SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::numeric[], ?::text[],
                                             ?::text[], ?::text[])
                            AS t (id, customer_id, external_id, occurred_at, amount, currency, product, channel)
                    ), inserted AS (
                        INSERT INTO purchase (id, customer_id, external_id, occurred_at, amount, currency, product, channel,
                                              version, created_at)
                        SELECT id, customer_id, external_id, occurred_at, amount, currency, product, channel, 0, ?
                        FROM input ORDER BY external_id
                        ON CONFLICT (external_id) DO NOTHING
                        RETURNING id, customer_id, occurred_at, amount
                    ), stats AS (
                        UPDATE customer c
                        SET purchase_count = c.purchase_count + s.n,
                            total_spent = c.total_spent + s.total,
                            first_purchase_at = LEAST(c.first_purchase_at, s.first_at),
                            last_purchase_at = GREATEST(c.last_purchase_at, s.last_at)
                        FROM (SELECT customer_id, count(*) AS n, sum(amount) AS total, min(occurred_at) AS first_at,
                                     max(occurred_at) AS last_at
                              FROM inserted GROUP BY customer_id) s
                        WHERE c.id = s.customer_id
                    )
                    SELECT id FROM inserted""")) {
                ps.setArray(1, array(connection, "uuid", ids));
                ps.setArray(2, array(connection, "uuid", customerIds));
                ps.setArray(3, array(connection, "text", externalIds));
                ps.setArray(4, array(connection, "text", occurredAts));
                ps.setArray(5, array(connection, "text", amounts));
                ps.setArray(6, array(connection, "text", currencies));
                ps.setArray(7, array(connection, "text", products));
                ps.setArray(8, array(connection, "text", channels));
                ps.setObject(9, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }

    public List<Purchase> findByExternalIds(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return list("externalId in ?1", externalIds);
    }

    /**
     * Sets the customer's stats from its non-void purchases. Exact only under the customer's row lock
     * ({@link #lockCustomer}) taken by an earlier statement of the same transaction.
     */
    public void recomputeStats(UUID customerId) {
        getEntityManager().createNativeQuery("""
                UPDATE customer c
                SET (purchase_count, total_spent, first_purchase_at, last_purchase_at) =
                    (SELECT count(*), coalesce(sum(p.amount), 0), min(p.occurred_at), max(p.occurred_at)
                     FROM purchase p WHERE p.customer_id = c.id AND p.voided_at IS NULL)
                WHERE c.id = ?1""")
                .setParameter(1, customerId).executeUpdate();
    }

    /** One page of a customer's purchases, newest first, after the keyset position (occurredAt, id) if given. */
    @SuppressWarnings("unchecked")
    public List<Purchase> pageOfCustomer(UUID customerId, boolean includeVoid, Instant afterOccurredAt, UUID afterId,
            int size) {
        StringBuilder sql = new StringBuilder("SELECT * FROM purchase p WHERE p.customer_id = :customer");
        if (!includeVoid) {
            sql.append(" AND p.voided_at IS NULL");
        }
        if (afterId != null) {
            // A row comparison, so the (customer_id, occurred_at DESC, id DESC) index serves it as a range.
            sql.append(" AND (p.occurred_at, p.id) < (:afterAt, :afterId)");
        }
        sql.append(" ORDER BY p.occurred_at DESC, p.id DESC LIMIT :size");
        var query = getEntityManager().createNativeQuery(sql.toString(), Purchase.class)
                .setParameter("customer", customerId).setParameter("size", size);
        if (afterId != null) {
            query.setParameter("afterAt", afterOccurredAt).setParameter("afterId", afterId);
        }
        return query.getResultList();
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** Replaces the void reasons (free text) of a customer's purchases by {@code marker}; amounts and dates stay. */
    public int eraseTextsOf(UUID customerId, String marker) {
        return getEntityManager().createNativeQuery("""
                UPDATE purchase SET void_reason = ?2, version = version + 1
                WHERE customer_id = ?1 AND void_reason IS NOT NULL""")
                .setParameter(1, customerId).setParameter(2, marker).executeUpdate();
    }
}
