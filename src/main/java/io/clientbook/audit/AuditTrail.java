package io.clientbook.audit;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.clientbook.common.Timestamps;
import io.clientbook.common.db.TransactionSettings;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.security.Caller;
import io.clientbook.security.Roles;
import io.quarkus.arc.Arc;

/**
 * The audit trail: who read or changed what, when, and from where. Call {@link #record} from the
 * service that does the work, inside its transaction (it is {@code MANDATORY}): the entry commits
 * or rolls back with the change, so the trail never claims what did not happen nor misses what did.
 * <p>
 * Changes announced as domain events are audited by {@link DomainEventAuditor}; a capability that
 * fires its own events can be audited there, or call {@code record} directly. Pass field
 * <em>names</em> only (JSON names, e.g. {@code email}), never values: the trail must not copy
 * personal data.
 * <p>
 * The actor is the calling API key. Work without an HTTP request (scheduled jobs) runs its body in
 * {@link #asJob}, which makes the job the actor of everything recorded meanwhile on that thread,
 * including by event observers.
 */
@ApplicationScoped
public class AuditTrail {

    private static final ThreadLocal<AuditActor> JOB = new ThreadLocal<>();
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]]{0,99}");
    private static final String SORT = "-occurredAt";
    /** Roles in order of precedence, for a key that (today never) carries several. */
    private static final List<String> ROLE_ORDER = List.of(Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION, Roles.ANALYST);

    @Inject
    AuditEntryRepository entries;
    @Inject
    TransactionSettings settings;
    @Inject
    RequestOrigin origin;
    @Inject
    Caller caller;

    /** Records one action on one resource. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, AuditTarget target) {
        record(action, List.of(target));
    }

    /**
     * Records a client's read of one resource, in a transaction that only reads. The entry is committed
     * without waiting for its WAL to reach the disk ({@code synchronous_commit} off for the rest of the
     * transaction; PostgreSQL flushes it within a fraction of a second, 3 × {@code wal_writer_delay} at
     * most). Commit order and visibility are unchanged; only a crash of PostgreSQL in that fraction of a
     * second can lose the entry, and with it nothing but the record of a read. Waiting for the disk on every
     * read would cap reads at the disk's flush rate. Never call it in a transaction that changes anything
     * else: the change would be committed the same way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRead(AuditTarget target) {
        settings.set("synchronous_commit", "off");
        record(AuditAction.READ, List.of(target));
    }

    /** Records one action on many resources (e.g. each purchase of a batch) with one insert. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, List<AuditTarget> targets) {
        if (targets.isEmpty()) {
            return;
        }
        targets.forEach(t -> requireFieldNames(t.changedFields()));
        entries.insert(Timestamps.now(), actor(), origin.current(), action, targets);
    }

    /**
     * Records one action on every resource a query returns, in one INSERT … SELECT (columns
     * {@code resource_id} text and {@code customer_id} uuid; {@code :name} parameters, casts written
     * {@code CAST(x AS t)}): for changes made set-based, which may touch more rows than fit in memory.
     *
     * @return how many entries were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(AuditAction action, String resourceType, List<String> changedFields, String sourceSelect,
            java.util.Map<String, ?> parameters) {
        requireFieldNames(changedFields);
        return entries.insertAll(Timestamps.now(), actor(), origin.current(), action, resourceType, changedFields,
                sourceSelect, parameters);
    }

    /** The guard that keeps values out of the trail: every entry must look like a field name. */
    private static void requireFieldNames(List<String> fields) {
        for (String field : fields) {
            if (!FIELD_NAME.matcher(field).matches()) {
                throw new IllegalArgumentException("not a field name: the audit trail takes names, never values");
            }
        }
    }

    /** Runs scheduled work with the job as the actor of what it records (nested calls keep the innermost job). */
    public <T> T asJob(String jobName, Supplier<T> work) {
        AuditActor previous = JOB.get();
        JOB.set(AuditActor.job(jobName));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                JOB.remove();
            } else {
                JOB.set(previous);
            }
        }
    }

    /** {@link #asJob(String, Supplier)} for work without a result. */
    public void asJob(String jobName, Runnable work) {
        asJob(jobName, () -> {
            work.run();
            return null;
        });
    }

    /** Who is acting now: the declared job, else the calling API key, else {@link AuditActor#SYSTEM}. */
    public AuditActor actor() {
        AuditActor job = JOB.get();
        if (job != null) {
            return job;
        }
        if (!Arc.container().requestContext().isActive() || "anonymous".equals(caller.keyId())) {
            return AuditActor.SYSTEM;
        }
        String role = ROLE_ORDER.stream().filter(caller::hasRole).findFirst().orElse("none");
        return new AuditActor(caller.keyId(), caller.name(), role);
    }

    /** Entries matching the query, newest first, keyset-paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> find(AuditQuery query, PageRequest page) {
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw ApiProblem.validation("to", "must be after from");
        }
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), SORT);
        List<AuditEntry> rows = entries.page(query, after == null ? null : after.instantValue(),
                after == null ? null : after.id(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SORT, last.occurredAt.toString(), last.id));
    }

    /** The entries about one customer, erased or not, newest first; 404 for an id that never was a customer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> findOfCustomer(UUID customerId, AuditQuery query, PageRequest page) {
        if (!entries.customerExists(customerId)) {
            throw ApiProblem.notFound("customer", customerId);
        }
        return find(query.withCustomer(customerId), page);
    }
}
