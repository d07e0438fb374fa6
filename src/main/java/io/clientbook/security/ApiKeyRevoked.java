package io.clientbook.security;

import java.util.UUID;

/** A stored key was revoked; observed after the revocation commits, so that no instance keeps trusting it. */
public record ApiKeyRevoked(UUID keyId) {
}
