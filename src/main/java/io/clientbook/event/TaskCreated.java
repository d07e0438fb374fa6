package io.clientbook.event;

import java.util.UUID;

import io.clientbook.task.Task;

/**
 * A task was created: by hand, or by an event rule in its trigger's transaction (one event per task).
 * Tasks created set-based by the daily job (or, later, a campaign) are announced together by
 * {@link TasksCreated} instead.
 */
public record TaskCreated(Task task) implements DomainEvent {

    @Override
    public UUID customerId() {
        return task.customerId;
    }
}
