package io.clientbook.task;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored settings of one follow-up rule; read and written through {@link FollowUpRuleService}. */
@Entity
@Table(name = "follow_up_rule")
public class FollowUpRule {

    @Id
    @Enumerated(EnumType.STRING)
    public FollowUpRuleId id;
    @Column(nullable = false)
    public boolean enabled;
    @Column(nullable = false)
    public String title;
    @Column(name = "delay_days", nullable = false)
    public int delayDays;
    @Column(name = "lead_days")
    public Integer leadDays;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] channels;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tiers;
    @Column(name = "include_untiered", nullable = false)
    public boolean includeUntiered;
    /** Rule-specific settings as a JSON object; see {@link FollowUpRuleSettings}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Version
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
