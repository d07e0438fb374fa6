package io.clientbook.tier;

/** What started a tier run: the schedule, or someone over the API. */
public enum RunTrigger {
    SCHEDULE, MANUAL
}
