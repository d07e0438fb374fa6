package io.clientbook.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A task a rule did not create, and why. Written set-based by {@link TaskGenerationSql}; read here. */
@Entity
@Table(name = "task_skip")
public class TaskSkip {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String source;
    @Column(name = "trigger_key", nullable = false)
    public String triggerKey;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SkipReason reason;
    @Column(name = "skipped_at", nullable = false)
    public Instant skippedAt;
}
