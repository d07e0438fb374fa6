package io.clientbook.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What was done to the resource an audit entry names. */
@Schema(name = "AuditAction", description = "READ: a single customer file was read; CREATE, UPDATE: a record was "
        + "created or changed (changedFields names the fields); DELETE: a resource was withdrawn (an API key revoked); "
        + "ERASE: a customer's personal data was erased; EXPORT: a customer's whole file was exported")
public enum AuditAction {
    READ,
    CREATE,
    UPDATE,
    DELETE,
    ERASE,
    EXPORT
}
