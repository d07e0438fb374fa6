package io.clientbook.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token that should be one of our API keys. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
