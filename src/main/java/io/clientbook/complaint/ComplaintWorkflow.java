package io.clientbook.complaint;

import static io.clientbook.complaint.ComplaintStatus.CLOSED;
import static io.clientbook.complaint.ComplaintStatus.IN_PROGRESS;
import static io.clientbook.complaint.ComplaintStatus.OPEN;
import static io.clientbook.complaint.ComplaintStatus.RESOLVED;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;

/**
 * The life cycle of a complaint, after the seeds: respond in time, solve, then ask for feedback.
 * <ul>
 * <li>OPEN → IN_PROGRESS (someone responded), IN_PROGRESS → RESOLVED (solved, with a resolution),
 * RESOLVED → CLOSED. OPEN → RESOLVED is not allowed: taking a complaint on is a step of its own,
 * so how long customers wait for a response stays visible.</li>
 * <li>RESOLVED → IN_PROGRESS reopens a complaint the customer says is not solved. CLOSED is final.</li>
 * <li>A move anywhere else is a 409 whose {@code allowedNextStates} lists the legal moves.</li>
 * <li>{@code resolution} is required from RESOLVED on (400); {@code satisfaction} is only taken once
 * RESOLVED or CLOSED (409: the same request is fine later); a CLOSED complaint only takes
 * {@code satisfaction} (409 for other changes), since feedback may arrive after closing.</li>
 * </ul>
 * Pure: no database, no clock; unit-tested on its own.
 */
public final class ComplaintWorkflow {

    private static final Map<ComplaintStatus, List<ComplaintStatus>> NEXT = new EnumMap<>(Map.of(
            OPEN, List.of(IN_PROGRESS),
            IN_PROGRESS, List.of(RESOLVED),
            RESOLVED, List.of(CLOSED, IN_PROGRESS),
            CLOSED, List.of()));

    private ComplaintWorkflow() {
    }

    /** The statuses a complaint may move to from {@code from} (staying put is always allowed). */
    public static List<ComplaintStatus> allowedNext(ComplaintStatus from) {
        return NEXT.get(from);
    }

    public static boolean canMove(ComplaintStatus from, ComplaintStatus to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /** RESOLVED → IN_PROGRESS: the resolution no longer stands, nor the feedback on it. */
    public static boolean isReopening(ComplaintStatus from, ComplaintStatus to) {
        return from == RESOLVED && to == IN_PROGRESS;
    }

    /** Resolved or closed: the states that carry a resolution and may carry the customer's satisfaction. */
    public static boolean isResolved(ComplaintStatus status) {
        return status == RESOLVED || status == CLOSED;
    }

    /**
     * Checks a change of a complaint standing at {@code before} to {@code after} (both already valid
     * field by field). Throws the problem of the first rule broken.
     */
    public static void check(ComplaintFields before, ComplaintFields after) {
        ComplaintStatus from = before.status();
        ComplaintStatus to = after.status();
        if (!canMove(from, to)) {
            throw illegalMove(from, to);
        }
        if (from == CLOSED) {
            List<FieldError> changed = changedExceptSatisfaction(before, after);
            if (!changed.isEmpty()) {
                throw new ApiProblem(409, "complaint-closed", "Complaint is closed",
                        "A closed complaint only takes the customer's satisfaction", changed);
            }
        }
        if (isResolved(to) && after.resolution() == null) {
            throw ApiProblem.validation("resolution", from == to
                    ? "cannot be removed from a " + to + " complaint"
                    : "is required to move a complaint to " + to);
        }
        if (after.satisfaction() != null && !isResolved(to)) {
            throw new ApiProblem(409, "complaint-not-resolved", "Complaint is not resolved",
                    "The customer's satisfaction is recorded once the complaint is RESOLVED or CLOSED; it is " + to,
                    List.of(new FieldError("satisfaction", "only once the complaint is RESOLVED or CLOSED")));
        }
    }

    static ApiProblem illegalMove(ComplaintStatus from, ComplaintStatus to) {
        List<ComplaintStatus> allowed = allowedNext(from);
        return new ApiProblem(409, "illegal-status-transition", "Illegal status transition",
                "A complaint cannot move from " + from + " to " + to
                        + (allowed.isEmpty() ? "; " + from + " is final" : "; from " + from + " it can move to " + allowed),
                List.of(new FieldError("status", "cannot move from " + from + " to " + to)))
                .with("currentStatus", from.name())
                .with("allowedNextStates", allowed.stream().map(Enum::name).toList());
    }

    private static List<FieldError> changedExceptSatisfaction(ComplaintFields before, ComplaintFields after) {
        List<FieldError> changed = new ArrayList<>();
        compare(changed, "subject", before.subject(), after.subject());
        compare(changed, "description", before.description(), after.description());
        compare(changed, "severity", before.severity(), after.severity());
        compare(changed, "channel", before.channel(), after.channel());
        compare(changed, "resolution", before.resolution(), after.resolution());
        return changed;
    }

    private static void compare(List<FieldError> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(new FieldError(field, "cannot change once the complaint is CLOSED"));
        }
    }
}
