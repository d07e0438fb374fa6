package io.clientbook.task;

/** Where a task stands; the legal moves are {@link TaskWorkflow}'s. */
public enum TaskStatus {
    OPEN, DONE, CANCELLED
}
