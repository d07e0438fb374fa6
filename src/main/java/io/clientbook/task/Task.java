package io.clientbook.task;

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
 * A piece of follow-up work for a person: a customer, a due date, a channel, an assignee, and what
 * came of it. Generated tasks are inserted set-based by {@link TaskGenerationSql}; this entity serves
 * reading, manual creation and edits.
 */
@Entity
@Table(name = "task")
public class Task {

    /** {@link #source} of tasks created by hand. */
    public static final String MANUAL = "MANUAL";

    @Id
    public UUID id;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskType type;
    @Column(nullable = false)
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactChannel channel;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    public String assignee;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;
    /** Computed by the database from {@link #priority}: 0 HIGH, 1 NORMAL, 2 LOW. */
    @Column(name = "priority_rank", insertable = false, updatable = false)
    public Short priorityRank;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;
    public String outcome;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "interaction_id")
    public UUID interactionId;
    /** A rule id, CAMPAIGN ({@link CampaignService#SOURCE}), or {@link #MANUAL}. */
    @Column(nullable = false)
    public String source;
    @Column(name = "trigger_key")
    public String triggerKey;
    @Column(nullable = false)
    public boolean marketing;
    @Column(name = "generation_id")
    public UUID generationId;
    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
