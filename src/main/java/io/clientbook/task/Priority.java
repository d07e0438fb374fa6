package io.clientbook.task;

/** How urgent a task is; work queues list HIGH first among tasks due at the same time. */
public enum Priority {
    LOW, NORMAL, HIGH
}
