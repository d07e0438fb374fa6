package io.clientbook.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the API key's id and name, and its role. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** Stable id of the calling key; the idempotency scope and, later, the audit actor. */
    public String keyId() {
        Object id = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        return id == null ? "anonymous" : id.toString();
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
