package io.clientbook.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.customer.ContactChannel;

class TaskWorkflowTest {

    private static TaskFields task(TaskStatus status, String outcome) {
        return new TaskFields("Call", ContactChannel.PHONE, Instant.parse("2026-11-25T09:00:00Z"), "j.smith", Priority.NORMAL,
                status, outcome);
    }

    @Test
    void shouldCompleteCancelAndReopen() {
        assertThatCode(() -> TaskWorkflow.check(task(TaskStatus.OPEN, null), task(TaskStatus.DONE, "Done"))).doesNotThrowAnyException();
        assertThatCode(() -> TaskWorkflow.check(task(TaskStatus.OPEN, null), task(TaskStatus.CANCELLED, null))).doesNotThrowAnyException();
        assertThatCode(() -> TaskWorkflow.check(task(TaskStatus.DONE, "Done"), task(TaskStatus.OPEN, null))).doesNotThrowAnyException();
        assertThatCode(() -> TaskWorkflow.check(task(TaskStatus.CANCELLED, null), task(TaskStatus.OPEN, null))).doesNotThrowAnyException();
    }

    @Test
    void shouldRequireAnOutcomeToCompleteAndOnlyThen() {
        assertThat(catchThrowableOfType(ApiProblem.class,
                () -> TaskWorkflow.check(task(TaskStatus.OPEN, null), task(TaskStatus.DONE, null))).status()).isEqualTo(400);
        assertThat(catchThrowableOfType(ApiProblem.class,
                () -> TaskWorkflow.check(task(TaskStatus.OPEN, null), task(TaskStatus.OPEN, "early"))).status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseIllegalMovesAndChangesToClosedTasks() {
        ApiProblem move = catchThrowableOfType(ApiProblem.class,
                () -> TaskWorkflow.check(task(TaskStatus.DONE, "Done"), task(TaskStatus.CANCELLED, "Done")));
        assertThat(move.status()).isEqualTo(409);
        assertThat(move.extensions().get("allowedNextStates")).isEqualTo(java.util.List.of("OPEN"));
        TaskFields retitled = new TaskFields("Other", ContactChannel.PHONE, Instant.parse("2026-11-25T09:00:00Z"), "j.smith",
                Priority.NORMAL, TaskStatus.CANCELLED, null);
        assertThat(catchThrowableOfType(ApiProblem.class,
                () -> TaskWorkflow.check(task(TaskStatus.CANCELLED, null), retitled)).slug()).isEqualTo("task-closed");
    }
}
