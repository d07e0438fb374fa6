package io.clientbook.interaction;

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

/** One entry of a customer's contact log: a call, message, visit or survey, and its outcome. */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    public UUID id;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public String summary;
    public String outcome;
    /** The name of the API key that wrote the entry. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
