package io.clientbook.complaint;

/** Where a complaint stands; the legal moves between these are {@link ComplaintWorkflow}'s. */
public enum ComplaintStatus {
    /** Recorded, nobody has taken it on yet. */
    OPEN,
    /** Someone has responded and is working on it. */
    IN_PROGRESS,
    /** Solved; the resolution is recorded and the customer's satisfaction may be asked for. */
    RESOLVED,
    /** Done with; only the customer's satisfaction may still be recorded. */
    CLOSED
}
