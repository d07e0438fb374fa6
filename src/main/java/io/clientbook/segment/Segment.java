package io.clientbook.segment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved segment: a named filter over the customer file, evaluated afresh on every use. */
@Entity
@Table(name = "segment")
public class Segment {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    public String description;
    /** The filter tree as JSON text; validated by {@link SegmentFilterCompiler} on every save. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String filter;
    public String owner;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
