package io.clientbook.audit;

/**
 * The {@code resourceType} names of audit entries: lower case, dashes, like the path segment of the
 * resource. A new capability adds its own constant here (the database only checks the format).
 */
public final class AuditedTypes {

    public static final String CUSTOMER = "customer";
    public static final String PURCHASE = "purchase";
    public static final String COMPLAINT = "complaint";
    public static final String INTERACTION = "interaction";
    public static final String API_KEY = "api-key";
    public static final String TASK = "task";
    public static final String FOLLOW_UP_RULE = "follow-up-rule";
    public static final String TIER_POLICY = "tier-policy";
    public static final String TIER_RUN = "tier-run";
    public static final String SEGMENT = "segment";
    public static final String WEBHOOK = "webhook";

    private AuditedTypes() {
    }
}
