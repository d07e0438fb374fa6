package io.clientbook.task;

import java.time.Instant;
import java.util.UUID;

/**
 * The filters of a task list; null means "any". {@code overdue}: only OPEN tasks due before
 * {@code now}. {@code assignee} is a name (the resource turns {@code me} into the caller's). {@code source}
 * and {@code triggerKey} select generated tasks, e.g. a campaign's (CAMPAIGN, campaign:&lt;key&gt;).
 */
public record TaskListQuery(String assignee, TaskStatus status, TaskType type, UUID customerId, Instant dueBefore,
        boolean overdue, Instant now, String source, String triggerKey) {

    public TaskListQuery(String assignee, TaskStatus status, TaskType type, UUID customerId, Instant dueBefore,
            boolean overdue, Instant now) {
        this(assignee, status, type, customerId, dueBefore, overdue, now, null, null);
    }

    public TaskListQuery withCustomer(UUID id) {
        return new TaskListQuery(assignee, status, type, id, dueBefore, overdue, now, source, triggerKey);
    }
}
