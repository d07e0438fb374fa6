package io.clientbook.common.web.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The contract's front page: what the API is and how callers authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "Clientbook API", version = "1",
                description = "Customer files, classification and follow-up work. JSON over HTTPS; every path under "
                        + "/api/v1 needs an API key (`Authorization: Bearer <key>`) with one of the roles admin, agent, "
                        + "integration, analyst. Errors are RFC 9457 problem+json. Lists page with `limit` (1–200, "
                        + "default 50) and an opaque `cursor`; the body is `{items, nextCursor}`. Single resources carry "
                        + "an ETag; PATCH/PUT/DELETE honour If-Match (412 when stale). PATCH takes JSON Merge Patch "
                        + "(application/merge-patch+json). Creating POSTs accept Idempotency-Key (kept at least 24 h)."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key created with POST /api/v1/api-keys, or the bootstrap admin key")
public class ClientbookApi extends Application {
}
