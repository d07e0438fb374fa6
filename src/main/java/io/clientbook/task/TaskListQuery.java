package io.clientbook.task;

import java.time.Instant;
import java.util.UUID;

/**
 * The filters of a task list; null means "any". {@code overdue}: only OPEN tasks due before
 * {@code now}. {@code assignee} is a name (the resource turns {@code me} into the caller's).
 */
public record TaskListQuery(String assignee, TaskStatus status, TaskType type, UUID customerId, Instant dueBefore,
        boolean overdue, Instant now) {
}
