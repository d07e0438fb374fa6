package io.clientbook.tier;

/** Where a tier run stands: RUNNING until it commits (SUCCEEDED) or rolls back (FAILED). */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED
}
