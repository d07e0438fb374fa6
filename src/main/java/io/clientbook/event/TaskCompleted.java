package io.clientbook.event;

import java.util.UUID;

import io.clientbook.task.Task;

/** A task moved to DONE, with its outcome; its contact-log entry was written in the same transaction. */
public record TaskCompleted(Task task) implements DomainEvent {

    @Override
    public UUID customerId() {
        return task.customerId;
    }
}
