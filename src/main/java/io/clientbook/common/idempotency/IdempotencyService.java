package io.clientbook.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.common.ClientbookConfig;
import io.clientbook.common.db.SchemaNotReady;
import io.clientbook.common.error.ApiProblem;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} for creating POSTs. The key row is written in the same transaction as the
 * creation itself, so a stored response always matches committed data, and a concurrent retry with
 * the same key waits on the key's unique index and then replays instead of creating twice.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    ClientbookConfig config;

    /** Clients are promised at least a day to retry; a shorter retention is a configuration mistake. */
    void checkRetention(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        if (config.idempotency().retention().compareTo(java.time.Duration.ofHours(24)) < 0) {
            throw new IllegalStateException("clientbook.idempotency.retention must be at least PT24H, is "
                    + config.idempotency().retention());
        }
    }

    /**
     * Runs {@code action} once per (caller, key): a repeat with the same request replays the first
     * response; with a different request it is a 422. Without a key the action just runs.
     */
    @Transactional
    public Response execute(String principal, String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiProblem.validation(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        byte[] hash = hash(operation, request);
        int inserted = em.createNativeQuery("""
                INSERT INTO idempotency_record (principal, idem_key, operation, request_hash, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, operation)
                .setParameter(4, hash).setParameter(5, Instant.now())
                .executeUpdate();
        if (inserted == 0) {
            return replay(principal, key, operation, hash);
        }
        Response response = action.get();
        store(principal, key, response);
        return response;
    }

    private Response replay(String principal, String key, String operation, byte[] hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT operation, request_hash, status, location, etag, body FROM idempotency_record
                WHERE principal = ?1 AND idem_key = ?2""")
                .setParameter(1, principal).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.conflict("A request with this Idempotency-Key is still being processed; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!operation.equals(row[0]) || !Arrays.equals(hash, (byte[]) row[1])) {
            throw ApiProblem.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[2]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (row[3] != null) {
            builder.header(HttpHeaders.LOCATION, row[3]);
        }
        if (row[4] != null) {
            builder.header(HttpHeaders.ETAG, row[4]);
        }
        if (row[5] != null) {
            builder.entity(row[5]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    private void store(String principal, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response of an idempotent request could not be stored", e);
        }
        em.createNativeQuery("""
                UPDATE idempotency_record SET status = ?3, location = ?4, etag = ?5, body = ?6
                WHERE principal = ?1 AND idem_key = ?2""")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, (short) response.getStatus())
                .setParameter(4, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(5, response.getHeaderString(HttpHeaders.ETAG))
                .setParameter(6, body)
                .executeUpdate();
    }

    private byte[] hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return digest.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }

    /**
     * Forgets the stored responses that mention {@code text} (a customer's id, when the customer is
     * erased): a replay must not hand back personal data that no longer exists. The table holds only
     * the retention window, so the scan stays small.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetResponsesMentioning(String text) {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE strpos(body, ?1) > 0")
                .setParameter(1, text).executeUpdate();
    }

    /** Forgets keys older than the retention (at least 24 h); hourly. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SchemaNotReady.class)
    @Transactional
    void purgeExpired() {
        int deleted = em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
                .setParameter(1, Instant.now().minus(config.idempotency().retention()))
                .executeUpdate();
        if (deleted > 0) {
            LOG.debugf("Purged %d expired idempotency records", deleted);
        }
    }
}
