package io.clientbook.common.db;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.clientbook.common.error.DatabaseProblems;

/**
 * Until the schema is migrated (the service started while its database was away), every API request
 * answers 503 with {@code Retry-After}, before authentication and routing touch a table that may not
 * exist yet. Afterwards this is one volatile read per request.
 */
public class SchemaGate {

    @Inject
    DatabaseSchema schema;

    @ServerRequestFilter(preMatching = true)
    public void requireSchema() {
        if (!schema.isReady()) {
            throw DatabaseProblems.schemaNotReady();
        }
    }
}
