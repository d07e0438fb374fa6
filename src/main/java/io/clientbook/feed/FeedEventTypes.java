package io.clientbook.feed;

import java.util.List;
import java.util.Set;

/**
 * The event types of the feed: what readers may filter on and webhooks may subscribe to. Types of
 * capabilities still being built are listed already, so subscriptions to them can be made today.
 */
public final class FeedEventTypes {

    public static final String CUSTOMER_CREATED = "customer.created";
    public static final String CUSTOMER_UPDATED = "customer.updated";
    public static final String CUSTOMER_ERASED = "customer.erased";
    public static final String PURCHASE_RECORDED = "purchase.recorded";
    public static final String PURCHASE_VOIDED = "purchase.voided";
    public static final String COMPLAINT_OPENED = "complaint.opened";
    public static final String COMPLAINT_UPDATED = "complaint.updated";
    public static final String COMPLAINT_RESOLVED = "complaint.resolved";
    public static final String INTERACTION_LOGGED = "interaction.logged";
    public static final String TASK_CREATED = "task.created";
    public static final String TASK_COMPLETED = "task.completed";
    public static final String TIER_CHANGED = "tier.changed";

    /** Every type, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(CUSTOMER_CREATED, CUSTOMER_UPDATED, CUSTOMER_ERASED,
            PURCHASE_RECORDED, PURCHASE_VOIDED, COMPLAINT_OPENED, COMPLAINT_UPDATED, COMPLAINT_RESOLVED,
            INTERACTION_LOGGED, TASK_CREATED, TASK_COMPLETED, TIER_CHANGED);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private FeedEventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }
}
