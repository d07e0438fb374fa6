package io.clientbook.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.clientbook.customer.ContactChannel;

/**
 * A complaint of a customer: what went wrong, when, and how it was handled. The customer is
 * referenced by id only, so the complaint capability does not load customer files to work.
 */
@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    public UUID id;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(nullable = false)
    public String subject;
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public ContactChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;
    public String resolution;
    /** 1–5, the customer's feedback on the resolution; only once resolved. */
    public Short satisfaction;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
