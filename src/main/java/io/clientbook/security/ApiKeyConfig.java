package io.clientbook.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stored API keys are checked (CLIENTBOOK_API_KEYS_…). */
@ConfigMapping(prefix = "clientbook.api-keys")
public interface ApiKeyConfig {

    /**
     * How long a key found valid is trusted without asking the database again. A revocation takes effect at
     * once on the instance that made it and within this time on the others; {@code PT0S} asks on every request.
     */
    @WithDefault("PT5S")
    Duration cacheTtl();

    /** Most keys remembered at once; beyond it the cache starts afresh (only valid keys are ever remembered). */
    @WithDefault("10000")
    int cacheSize();
}
