package io.clientbook.security;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Stored keys found valid, by the hash of their secret, remembered for {@link ApiKeyConfig#cacheTtl()}: without
 * it every request spent a database round trip, and a pool connection, on its key before doing its work (the
 * HTTP benchmark showed requests queueing twice for the pool). Unknown or revoked secrets are never remembered,
 * so they are looked up every time. A revocation on this instance forgets the key when it commits; other
 * instances notice within the TTL.
 */
@ApplicationScoped
public class ApiKeyCache {

    /** What a request needs to know about a stored key. */
    public record StoredKey(String keyId, String name, String role) {
    }

    private record Entry(StoredKey key, long expiresAt) {
    }

    private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every revocation, so a lookup that read the database before it cannot store what it read. */
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxSize;
    private final LongSupplier clock;

    @Inject
    ApiKeyCache(ApiKeyConfig config) {
        this(config.cacheTtl(), config.cacheSize(), System::nanoTime);
    }

    ApiKeyCache(Duration ttl, int maxSize, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
        this.clock = nanoClock;
    }

    /** The remembered key for this secret hash, if it is still fresh. */
    public StoredKey find(byte[] hash) {
        Entry e = entries.get(ByteBuffer.wrap(hash));
        if (e == null) {
            return null;
        }
        if (clock.getAsLong() - e.expiresAt() >= 0) {
            entries.remove(ByteBuffer.wrap(hash), e);
            return null;
        }
        return e.key();
    }

    /** The generation to pass to {@link #remember}; read it before asking the database. */
    public long generation() {
        return generation.get();
    }

    /** Remembers a key read from the database, unless a revocation happened since {@code readAt} was taken. */
    public void remember(byte[] hash, StoredKey key, long readAt) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.clear();
        }
        ByteBuffer k = ByteBuffer.wrap(hash.clone());
        entries.put(k, new Entry(key, clock.getAsLong() + ttlNanos));
        if (generation.get() != readAt) {
            entries.remove(k);
        }
    }

    /** Forgets a key once its revocation has committed. */
    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeyRevoked revoked) {
        forget(revoked.keyId());
    }

    void forget(UUID keyId) {
        generation.incrementAndGet();
        String id = keyId.toString();
        entries.values().removeIf(e -> e.key().keyId().equals(id));
    }
}
