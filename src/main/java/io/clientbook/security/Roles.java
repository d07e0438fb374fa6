package io.clientbook.security;

import java.util.Set;

/** The roles an API key can carry; the names used in {@code @RolesAllowed}. */
public final class Roles {

    /** Everything, including keys and policy. */
    public static final String ADMIN = "admin";
    /** Staff: customers, complaints, tasks, segments. */
    public static final String AGENT = "agent";
    /** Other services: purchases, customers by external ref, segments and events (read). */
    public static final String INTEGRATION = "integration";
    /** Read-only; personal contact data masked. */
    public static final String ANALYST = "analyst";

    public static final Set<String> ALL = Set.of(ADMIN, AGENT, INTEGRATION, ANALYST);

    private Roles() {
    }
}
