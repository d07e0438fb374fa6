package io.clientbook.complaint;

import static io.clientbook.complaint.ComplaintStatus.CLOSED;
import static io.clientbook.complaint.ComplaintStatus.IN_PROGRESS;
import static io.clientbook.complaint.ComplaintStatus.OPEN;
import static io.clientbook.complaint.ComplaintStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.customer.ContactChannel;

class ComplaintWorkflowTest {

    private static ComplaintFields complaint(ComplaintStatus status, String resolution, Integer satisfaction) {
        return new ComplaintFields("Parcel damaged", "Box crushed", Severity.HIGH, ContactChannel.PHONE, status,
                resolution, satisfaction);
    }

    private static ApiProblem problemOf(ComplaintFields before, ComplaintFields after) {
        return catchThrowableOfType(ApiProblem.class, () -> ComplaintWorkflow.check(before, after));
    }

    @Test
    void shouldAllowExactlyTheDocumentedMoves() {
        assertThat(ComplaintWorkflow.allowedNext(OPEN)).containsExactly(IN_PROGRESS);
        assertThat(ComplaintWorkflow.allowedNext(IN_PROGRESS)).containsExactly(RESOLVED);
        assertThat(ComplaintWorkflow.allowedNext(RESOLVED)).containsExactlyInAnyOrder(CLOSED, IN_PROGRESS);
        assertThat(ComplaintWorkflow.allowedNext(CLOSED)).isEmpty();
    }

    @Test
    void shouldAcceptEachLegalMove() {
        assertThatCode(() -> ComplaintWorkflow.check(complaint(OPEN, null, null), complaint(IN_PROGRESS, null, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ComplaintWorkflow.check(complaint(IN_PROGRESS, null, null), complaint(RESOLVED, "Refunded", null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ComplaintWorkflow.check(complaint(RESOLVED, "Refunded", null), complaint(CLOSED, "Refunded", 4)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ComplaintWorkflow.check(complaint(RESOLVED, "Refunded", null), complaint(IN_PROGRESS, "Refunded", null)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldTreatStayingPutAsNoMove() {
        for (ComplaintStatus s : ComplaintStatus.values()) {
            assertThat(ComplaintWorkflow.canMove(s, s)).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({ "OPEN,RESOLVED,IN_PROGRESS", "OPEN,CLOSED,IN_PROGRESS", "IN_PROGRESS,OPEN,RESOLVED",
            "IN_PROGRESS,CLOSED,RESOLVED", "RESOLVED,OPEN,CLOSED|IN_PROGRESS", "CLOSED,OPEN,", "CLOSED,IN_PROGRESS,",
            "CLOSED,RESOLVED," })
    void shouldRefuseAJumpWith409ListingTheAllowedNextStates(ComplaintStatus from, ComplaintStatus to, String allowed) {
        ApiProblem problem = problemOf(complaint(from, "Refunded", null), complaint(to, "Refunded", null));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.slug()).isEqualTo("illegal-status-transition");
        List<String> expected = allowed == null ? List.of() : List.of(allowed.split("\\|"));
        assertThat(problem.extensions().get("allowedNextStates")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(problem.extensions()).containsEntry("currentStatus", from.name());
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("status");
    }

    @Test
    void shouldRequireAResolutionToResolve() {
        ApiProblem problem = problemOf(complaint(IN_PROGRESS, null, null), complaint(RESOLVED, null, null));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("resolution");
    }

    @Test
    void shouldNotLetTheResolutionBeRemovedOnceResolved() {
        ApiProblem problem = problemOf(complaint(RESOLVED, "Refunded", null), complaint(RESOLVED, null, null));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("resolution");
    }

    @Test
    void shouldTakeSatisfactionOnlyOnceResolved() {
        for (ComplaintStatus s : List.of(OPEN, IN_PROGRESS)) {
            ApiProblem problem = problemOf(complaint(s, null, null), complaint(s, null, 5));
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("satisfaction");
        }
        assertThatCode(() -> ComplaintWorkflow.check(complaint(RESOLVED, "Refunded", null), complaint(RESOLVED, "Refunded", 5)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ComplaintWorkflow.check(complaint(IN_PROGRESS, null, null), complaint(RESOLVED, "Refunded", 5)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNotTakeSatisfactionWhenReopening() {
        ApiProblem problem = problemOf(complaint(RESOLVED, "Refunded", 2), complaint(IN_PROGRESS, "Refunded", 2));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("satisfaction");
    }

    @Test
    void shouldOnlyTakeSatisfactionOnceClosed() {
        assertThatCode(() -> ComplaintWorkflow.check(complaint(CLOSED, "Refunded", null), complaint(CLOSED, "Refunded", 3)))
                .doesNotThrowAnyException();

        ComplaintFields closed = complaint(CLOSED, "Refunded", null);
        ComplaintFields edited = new ComplaintFields("Other subject", closed.description(), Severity.LOW, closed.channel(),
                CLOSED, "Refunded twice", null);
        ApiProblem problem = problemOf(closed, edited);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.slug()).isEqualTo("complaint-closed");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("subject", "severity", "resolution");
    }
}
