package io.clientbook.security;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.common.ClientbookConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Resolves an API key to an identity: the bootstrap admin key from configuration, or a stored,
 * unrevoked key found by the hash of its secret — in {@link ApiKeyCache} when it was found valid
 * moments ago (answered on the I/O thread), else in the database. Plain JDBC: this runs before any
 * request scope.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** Attribute holding the key's id ("bootstrap" for the configured admin key). */
    public static final String KEY_ID = "clientbook.key-id";

    @Inject
    DataSource dataSource;
    @Inject
    ClientbookConfig config;
    @Inject
    ApiKeyCache cache;

    /** The bootstrap key's hash, computed once (hashes compare in constant time); null when none is configured. */
    private byte[] bootstrapHash;

    @PostConstruct
    void hashBootstrapKey() {
        bootstrapHash = config.bootstrapAdminKey().filter(k -> !k.isBlank()).map(ApiKeySecrets::hash).orElse(null);
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] hash = ApiKeySecrets.hash(request.secret());
        if (bootstrapHash != null && MessageDigest.isEqual(bootstrapHash, hash)) {
            return Uni.createFrom().item(identity("bootstrap-admin", "bootstrap", Roles.ADMIN));
        }
        ApiKeyCache.StoredKey known = cache.find(hash);
        if (known != null) {
            return Uni.createFrom().item(identity(known));
        }
        return context.runBlocking(() -> identity(lookup(hash)));
    }

    private ApiKeyCache.StoredKey lookup(byte[] hash) {
        long generation = cache.generation();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, name, role FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")) {
            ps.setBytes(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AuthenticationFailedException("Unknown or revoked API key");
                }
                ApiKeyCache.StoredKey key = new ApiKeyCache.StoredKey(rs.getString("id"), rs.getString("name"),
                        rs.getString("role"));
                cache.remember(hash, key, generation);
                return key;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API keys could not be read", e);
        }
    }

    private static SecurityIdentity identity(ApiKeyCache.StoredKey key) {
        return identity(key.name(), key.keyId(), key.role());
    }

    private static SecurityIdentity identity(String name, String keyId, String role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(role)
                .addAttribute(KEY_ID, keyId)
                .build();
    }
}
