package io.clientbook.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.clientbook.audit.AuditAction;
import io.clientbook.audit.AuditTarget;
import io.clientbook.audit.AuditTrail;
import io.clientbook.audit.AuditedTypes;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;

/**
 * Creates, lists and revokes API keys; creations and revocations are recorded in the audit trail. A
 * revocation is announced ({@link ApiKeyRevoked}) so that {@link ApiKeyCache} forgets the key when it commits.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final String SORT = "createdAt";

    @Inject
    ApiKeyRepository keys;
    @Inject
    AuditTrail audit;
    @Inject
    Event<ApiKeyRevoked> revocations;

    /** A new key and its secret, which is returned this once and never stored. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String name, String role, String createdBy) {
        if (!Roles.ALL.contains(role)) {
            throw ApiProblem.validation("role", "must be one of " + Roles.ALL.stream().sorted().toList());
        }
        String secret = ApiKeySecrets.newSecret();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name;
        key.role = role;
        key.keyHash = ApiKeySecrets.hash(secret);
        key.keyPrefix = secret.substring(0, 8);
        key.createdAt = Timestamps.now();
        key.createdBy = createdBy;
        keys.persist(key);
        audit.record(AuditAction.CREATE, AuditTarget.of(AuditedTypes.API_KEY, key.id, null, List.of("name", "role")));
        return new Created(key, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKey get(UUID id) {
        return keys.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("API key", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKey> list(PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), SORT);
        List<ApiKey> rows = keys.pageAfter(after == null ? null : after.instantValue(),
                after == null ? null : after.id(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SORT, last.createdAt.toString(), last.id));
    }

    /** Revokes the key; revoking a revoked key changes nothing. */
    public ApiKey revoke(UUID id, String ifMatch) {
        ApiKey key = get(id);
        ETags.checkIfMatch(ifMatch, key.version);
        if (key.revokedAt == null) {
            key.revokedAt = Timestamps.now();
            audit.record(AuditAction.DELETE, AuditTarget.of(AuditedTypes.API_KEY, key.id, null, List.of("revokedAt")));
            revocations.fire(new ApiKeyRevoked(key.id));
        }
        return key;
    }

}
