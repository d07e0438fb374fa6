package io.clientbook.common.schedule;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.clientbook.common.Timestamps;

/**
 * Once per firing across replicas. Every replica's scheduler fires a job at the same cron instants;
 * {@link #claim} lets the first replica take a firing and tells the others it is taken. The claim is a
 * row of {@code scheduled_firing} written in the caller's transaction, so it commits with the job's
 * work — or rolls back with it, leaving the firing to a replica that comes later. A second claim of the
 * same firing while the first one's transaction is open waits for it to end; callers take their
 * advisory lock first, so a replica that finds the job running skips without waiting.
 */
@ApplicationScoped
public class ScheduledFirings {

    /** This process, as recorded in the claims: host name (the container's in a container) and process id. */
    public static final String INSTANCE = instanceName();

    @Inject
    EntityManager em;

    /** Claims {@code job}'s firing at {@code scheduledAt} (the cron instant); false when another instance has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String job, Instant scheduledAt) {
        return em.createNativeQuery("""
                INSERT INTO scheduled_firing (job, scheduled_at, instance, claimed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (job, scheduled_at) DO NOTHING""")
                .setParameter(1, job).setParameter(2, utc(scheduledAt)).setParameter(3, INSTANCE)
                .setParameter(4, utc(Timestamps.now())).executeUpdate() == 1;
    }

    /** The instance that claimed the firing, if any did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claimedBy(String job, Instant scheduledAt) {
        return em.createNativeQuery("SELECT instance FROM scheduled_firing WHERE job = ?1 AND scheduled_at = ?2",
                String.class).setParameter(1, job).setParameter(2, utc(scheduledAt)).getResultStream()
                .map(String.class::cast).findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String instanceName() {
        // The JVM names itself "pid@host".
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(at + 1) + " pid " + name.substring(0, at);
    }
}
