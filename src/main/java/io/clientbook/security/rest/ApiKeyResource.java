package io.clientbook.security.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.clientbook.common.idempotency.IdempotencyService;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.common.web.QueryParams;
import io.clientbook.security.ApiKey;
import io.clientbook.security.ApiKeyService;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;

@Path("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys for people and services; admin only. The secret is shown once, at creation.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    @Inject
    ApiKeyService service;
    @Inject
    IdempotencyService idempotency;
    @Inject
    Caller caller;

    @Schema(name = "ApiKeyCreate")
    public record ApiKeyCreate(
            @NotBlank @Size(max = 100) @Schema(examples = "shop-integration") String name,
            @NotNull @Pattern(regexp = "admin|agent|integration|analyst", message = "must be one of [admin, agent, integration, analyst]")
            @Schema(enumeration = { "admin", "agent", "integration", "analyst" }, examples = "integration") String role) {
    }

    @Schema(name = "ApiKey")
    public record ApiKeyResponse(UUID id, String name, String role,
            @Schema(description = "First characters of the secret, to recognise it") String prefix,
            Instant createdAt, String createdBy, Instant revokedAt,
            @Schema(description = "The secret; only in the response to the creation, never again") String key) {

        static ApiKeyResponse of(ApiKey k, String secret) {
            return new ApiKeyResponse(k.id, k.name, k.role, k.keyPrefix, k.createdAt, k.createdBy, k.revokedAt, secret);
        }
    }

    @Schema(name = "ApiKeyPage")
    public record ApiKeyPage(java.util.List<ApiKeyResponse> items, String nextCursor) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "Answers the secret once; store it, it cannot be shown again.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@Valid @NotNull ApiKeyCreate body,
            @Parameter(description = "Retries with the same key replay the first response") @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        return idempotency.execute(caller.keyId(), idempotencyKey, "POST /api/v1/api-keys", body, () -> {
            ApiKeyService.Created created = service.create(body.name().trim(), body.role(), caller.name());
            return Response.created(URI.create("/api/v1/api-keys/" + created.key().id))
                    .header("ETag", ETags.of(created.key().version))
                    .entity(ApiKeyResponse.of(created.key(), created.secret())).build();
        });
    }

    @GET
    @Operation(summary = "List API keys", description = "Oldest first; secrets are never listed.")
    public ApiKeyPage list(
            @QueryParam("limit") @Parameter(description = "1–200, default 50", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Page<ApiKeyResponse> page = service.list(PageRequest.of(limit, cursor)).map(k -> ApiKeyResponse.of(k, null));
        return new ApiKeyPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an API key")
    public Response get(@PathParam("id") String id) {
        ApiKey key = service.get(QueryParams.pathId(id, "API key"));
        return Response.ok(ApiKeyResponse.of(key, null)).header("ETag", ETags.of(key.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once. Revoking twice is harmless.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.revoke(QueryParams.pathId(id, "API key"), ifMatch);
        return Response.noContent().build();
    }
}
