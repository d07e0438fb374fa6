package io.clientbook.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subscription: feed events of the chosen types are POSTed, signed with the secret, to the URL.
 * Its feed position ({@code afterTxId}, {@code afterSeq}) is moved by the delivery worker only, in SQL.
 */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    public String[] eventTypes;
    @Column(nullable = false)
    public String secret;
    public String description;
    @Column(name = "after_tx_id", nullable = false, updatable = false)
    public long afterTxId;
    @Column(name = "after_seq", nullable = false, updatable = false)
    public long afterSeq;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;
}
