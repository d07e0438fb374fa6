package io.clientbook.tier;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class TierRunRepository implements PanacheRepositoryBase<TierRun, UUID> {

    public Optional<TierRun> findRunning() {
        return find("status", RunStatus.RUNNING).firstResultOptional();
    }

    /** Runs newest first, keyset-paged on (startedAt, id) descending; {@code afterStartedAt} null: the first page. */
    public List<TierRun> page(Instant afterStartedAt, UUID afterId, int size) {
        if (afterStartedAt == null) {
            return find("order by startedAt desc, id desc").page(0, size).list();
        }
        return find("(startedAt, id) < (:at, :id) order by startedAt desc, id desc",
                Parameters.with("at", afterStartedAt).and("id", afterId)).page(0, size).list();
    }

    /**
     * Marks every RUNNING run FAILED as abandoned. Only for a caller holding {@link TierRunLock}: every
     * live run holds it, so a RUNNING row seen then was left behind by a process that died.
     */
    public int abandonRunning(Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE tier_run SET status = 'FAILED', finished_at = ?1, version = version + 1,
                    error = 'abandoned: the process running it stopped before it finished (found by a later run)'
                WHERE status = 'RUNNING'""").setParameter(1, now).executeUpdate();
    }

    /**
     * The PostgreSQL backend serving the current transaction: its pid and the transaction's start
     * ({@code now()} is the same value pg_stat_activity shows as {@code xact_start}).
     */
    ActiveRun.Backend currentBackend() {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_backend_pid(), now()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ActiveRun.Backend(rs.getInt(1), rs.getObject(2, OffsetDateTime.class));
            }
        });
    }
}
