package io.clientbook.event;

import java.util.Set;
import java.util.UUID;

import io.clientbook.complaint.Complaint;
import io.clientbook.complaint.ComplaintFields;
import io.clientbook.complaint.ComplaintStatus;

/** A complaint's changeable fields changed; fired only when something actually changed. */
public record ComplaintUpdated(Complaint complaint, ComplaintFields before, ComplaintFields after) implements DomainEvent {

    @Override
    public UUID customerId() {
        return complaint.customerId;
    }

    /** The JSON names of the fields whose values differ. */
    public Set<String> changedFields() {
        return RecordDiff.changedComponents(before, after);
    }

    /** Whether this change moved the complaint into RESOLVED (first resolution or again after a reopen). */
    public boolean resolved() {
        return after.status() == ComplaintStatus.RESOLVED && before.status() != ComplaintStatus.RESOLVED;
    }
}
