package io.clientbook.event;

import java.util.UUID;

import io.clientbook.complaint.Complaint;

/** A complaint was recorded (status OPEN). */
public record ComplaintOpened(Complaint complaint) implements DomainEvent {

    @Override
    public UUID customerId() {
        return complaint.customerId;
    }
}
