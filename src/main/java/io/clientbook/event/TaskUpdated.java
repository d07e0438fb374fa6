package io.clientbook.event;

import java.util.Set;
import java.util.UUID;

import io.clientbook.task.Task;
import io.clientbook.task.TaskFields;

/**
 * A task's changeable fields changed through PATCH (fired only when something changed; completing
 * also fires {@link TaskCompleted}).
 */
public record TaskUpdated(Task task, TaskFields before, TaskFields after) implements DomainEvent {

    @Override
    public UUID customerId() {
        return task.customerId;
    }

    /** The JSON names of the fields whose values differ. */
    public Set<String> changedFields() {
        return RecordDiff.changedComponents(before, after);
    }
}
