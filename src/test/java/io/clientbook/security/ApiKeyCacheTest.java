package io.clientbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(5), 3, now::get);
    private final UUID keyId = UUID.randomUUID();
    private final ApiKeyCache.StoredKey key = new ApiKeyCache.StoredKey(keyId.toString(), "shop", Roles.INTEGRATION);

    @Test
    void shouldRememberAValidKeyForTheTtlOnly() {
        byte[] hash = ApiKeySecrets.hash("cb_secret");
        cache.remember(hash, key, cache.generation());
        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(cache.find(ApiKeySecrets.hash("cb_secret"))).isEqualTo(key);
        now.addAndGet(1);
        assertThat(cache.find(hash)).isNull();
    }

    @Test
    void shouldForgetARevokedKeyAtOnce() {
        byte[] hash = ApiKeySecrets.hash("cb_secret");
        cache.remember(hash, key, cache.generation());
        cache.forget(keyId);
        assertThat(cache.find(hash)).isNull();
    }

    @Test
    void shouldNotRememberWhatWasReadBeforeARevocation() {
        byte[] hash = ApiKeySecrets.hash("cb_secret");
        long readAt = cache.generation();
        cache.forget(keyId);
        cache.remember(hash, key, readAt);
        assertThat(cache.find(hash)).isNull();
    }

    @Test
    void shouldNotRememberAnythingWithAZeroTtl() {
        ApiKeyCache off = new ApiKeyCache(Duration.ZERO, 3, now::get);
        byte[] hash = ApiKeySecrets.hash("cb_secret");
        off.remember(hash, key, off.generation());
        assertThat(off.find(hash)).isNull();
    }

    @Test
    void shouldStartAfreshWhenFull() {
        for (int i = 0; i < 3; i++) {
            cache.remember(ApiKeySecrets.hash("cb_" + i), key, cache.generation());
        }
        byte[] fourth = ApiKeySecrets.hash("cb_3");
        cache.remember(fourth, key, cache.generation());
        assertThat(cache.find(ApiKeySecrets.hash("cb_0"))).isNull();
        assertThat(cache.find(fourth)).isEqualTo(key);
    }

    @Test
    void shouldNotBeFooledByTheCallerChangingTheHashArrayLater() {
        byte[] hash = ApiKeySecrets.hash("cb_secret");
        cache.remember(hash, key, cache.generation());
        hash[0]++;
        assertThat(cache.find(ApiKeySecrets.hash("cb_secret"))).isEqualTo(key);
    }
}
