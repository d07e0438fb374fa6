package io.clientbook.tier.rest;

/** The tier definitions as the contract states them, shared by the operation and schema descriptions. */
final class TierDefinitions {

    private TierDefinitions() {
    }

    static final String ABC = "A run scores every customer as of its start time T, over a window of W days (policy "
            + "windowDays, default 365), counting only non-void purchases with occurredAt in (T-W, T]. Active customers "
            + "have at least one purchase in the window. They are ranked by window spend, highest first, ties broken by "
            + "customer id. A customer is A when the spend of all customers ranked above them is below cutA (default "
            + "0.80) of the total window spend, B when below cutB (default 0.95), otherwise C; so the customer who "
            + "crosses 80 % is still A. Customers with purchases only before the window, and customers who never "
            + "bought, are C. tier is null only for a customer no run has scored yet.";

    static final String RFM = "RFM of active customers: recency = whole days since the last purchase in the window, "
            + "frequency = purchases in the window, monetary = spend in the window. Each becomes a score 1-5 by "
            + "quintile of rank among active customers (most recent / most frequent / highest spend = 5; ties broken "
            + "by customer id, so quintiles are equal-sized, the higher ones taking the remainder). Segment from R and "
            + "F: R5 F4-5 CHAMPIONS; R3-4 F4-5 LOYAL; R4-5 F2-3 POTENTIAL_LOYALIST; R5 F1 NEW; R4 F1 PROMISING; R3 F3 "
            + "NEEDS_ATTENTION; R3 F1-2 ABOUT_TO_SLEEP; R1-2 F3-4 AT_RISK; R1-2 F5 CANNOT_LOSE; R1-2 F1-2 HIBERNATING. "
            + "Customers with purchases only before the window: scores null, segment LOST; customers who never bought: "
            + "scores null, segment PROSPECT. Erased customers are not scored.";
}
