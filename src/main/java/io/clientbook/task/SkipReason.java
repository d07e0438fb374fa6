package io.clientbook.task;

/** Why a rule did not create a task for a customer. */
public enum SkipReason {
    /** A marketing-type task, and the customer consented to none of the rule's channels. */
    NO_CONSENT,
    /** Another marketing contact of the customer is open or was done within minDaysBetweenContacts of it. */
    FREQUENCY_CAP,
    /** The trigger is so old that the task would have been due more than the allowed lateness ago. */
    TOO_LATE
}
