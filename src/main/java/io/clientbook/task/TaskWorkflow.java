package io.clientbook.task;

import static io.clientbook.task.TaskStatus.CANCELLED;
import static io.clientbook.task.TaskStatus.DONE;
import static io.clientbook.task.TaskStatus.OPEN;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;

/**
 * The life cycle of a task: OPEN → DONE (with an outcome) or CANCELLED; DONE or CANCELLED → OPEN
 * reopens. Any other move is a 409 listing {@code allowedNextStates}. A DONE or CANCELLED task takes no
 * other change than reopening (409); an outcome is required to complete (400) and only kept on a DONE
 * task (400 otherwise). Pure: unit-tested on its own.
 */
public final class TaskWorkflow {

    private static final Map<TaskStatus, List<TaskStatus>> NEXT = new EnumMap<>(Map.of(
            OPEN, List.of(DONE, CANCELLED),
            DONE, List.of(OPEN),
            CANCELLED, List.of(OPEN)));

    private TaskWorkflow() {
    }

    public static List<TaskStatus> allowedNext(TaskStatus from) {
        return NEXT.get(from);
    }

    public static boolean isReopening(TaskStatus from, TaskStatus to) {
        return from != OPEN && to == OPEN;
    }

    public static boolean isCompleting(TaskStatus from, TaskStatus to) {
        return from != DONE && to == DONE;
    }

    /** Checks a change from {@code before} to {@code after} (both valid field by field); throws the first rule broken. */
    public static void check(TaskFields before, TaskFields after) {
        TaskStatus from = before.status();
        TaskStatus to = after.status();
        if (from != to && !NEXT.get(from).contains(to)) {
            throw new ApiProblem(409, "illegal-status-transition", "Illegal status transition",
                    "A task cannot move from " + from + " to " + to + "; from " + from + " it can move to " + NEXT.get(from),
                    List.of(new FieldError("status", "cannot move from " + from + " to " + to)))
                    .with("currentStatus", from.name())
                    .with("allowedNextStates", NEXT.get(from).stream().map(Enum::name).toList());
        }
        if (from != OPEN && from == to) {
            List<FieldError> changed = changed(before, after);
            if (!changed.isEmpty()) {
                throw new ApiProblem(409, "task-closed", "Task is closed",
                        "A " + from + " task only takes {\"status\": \"OPEN\"} to reopen it", changed);
            }
        }
        if (to == DONE && after.outcome() == null) {
            throw ApiProblem.validation("outcome", "is required to complete a task");
        }
        if (to != DONE && after.outcome() != null) {
            throw ApiProblem.validation("outcome", "is recorded only when completing a task (status DONE)");
        }
    }

    private static List<FieldError> changed(TaskFields before, TaskFields after) {
        List<FieldError> changed = new ArrayList<>();
        compare(changed, "title", before.title(), after.title());
        compare(changed, "channel", before.channel(), after.channel());
        compare(changed, "dueAt", before.dueAt(), after.dueAt());
        compare(changed, "assignee", before.assignee(), after.assignee());
        compare(changed, "priority", before.priority(), after.priority());
        compare(changed, "outcome", before.outcome(), after.outcome());
        return changed;
    }

    private static void compare(List<FieldError> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(new FieldError(field, "cannot change on a closed task; reopen it first"));
        }
    }
}
