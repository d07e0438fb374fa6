package io.clientbook.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A stored API key: only the SHA-256 of its secret is kept. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String role;
    @Column(name = "key_hash", nullable = false)
    public byte[] keyHash;
    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Version
    public long version;
}
