package io.clientbook.common.db;

/**
 * CDI event fired once the schema is migrated and validated: from start-up when the database is there,
 * or later, when it could not be reached at start-up and has come. Work that needs the schema at start
 * (such as sweeping abandoned tier runs) observes this instead of {@code StartupEvent}.
 */
public record SchemaReady() {
}
