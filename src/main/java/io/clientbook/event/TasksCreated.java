package io.clientbook.event;

import java.util.UUID;

/**
 * Tasks created set-based by one statement (a date rule of the daily job; later a campaign): one event
 * for the whole set, fired inside the transaction, instead of one {@link TaskCreated} per task, so that
 * a holiday greeting for a million customers does not hold a million events in memory. The tasks are
 * those with {@code task.generation_id = generationId}; an observer that needs them one by one (the
 * event feed) reads them set-based by that id in the same transaction.
 * <p>
 * Not a {@link DomainEvent}: it is about many customers, not one.
 */
public record TasksCreated(UUID generationId, String source, int count) {
}
