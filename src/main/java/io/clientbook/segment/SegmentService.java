package io.clientbook.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.audit.AuditAction;
import io.clientbook.audit.AuditTarget;
import io.clientbook.audit.AuditTrail;
import io.clientbook.audit.AuditedTypes;
import io.clientbook.audit.FieldNames;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.Violations;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.customer.CustomerRows;
import io.clientbook.customer.CustomerSort;
import io.vertx.core.buffer.Buffer;

/**
 * Segmentation: ad-hoc search and count over the customer file with the filter language, and saved
 * segments (CRUD, members, stats). The SQL itself is {@link SegmentQueries}'s; the filter
 * language is {@link SegmentFilterCompiler}'s.
 */
@ApplicationScoped
@Transactional
public class SegmentService {

    @Inject
    AuditTrail audit;
    @Inject
    SegmentRepository segments;
    @Inject
    SegmentQueries queries;
    @Inject
    SegmentFilterCompiler compiler;
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;

    /** The compiler, bounded by configuration. */
    static class CompilerProducer {
        @Produces
        @Singleton
        SegmentFilterCompiler compiler(SegmentConfig config) {
            return new SegmentFilterCompiler(new SegmentFilterCompiler.Limits(config.maxDepth(), config.maxNodes(),
                    config.maxListSize(), SegmentFilterCompiler.Limits.DEFAULT.maxStringLength()));
        }
    }

    // ---- ad-hoc search ------------------------------------------------------------------

    /**
     * A keyset page of the customers matching {@code filter} (null: all), in {@code order}, as the JSON of the
     * CustomerPage schema ({@link CustomerRows}); contact data masked when {@code masked}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Buffer search(JsonNode filter, CustomerSort.Order order, PageRequest page, boolean masked) {
        return page(compile(filter), order, page, masked);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(JsonNode filter) {
        return queries.count(compile(filter));
    }

    // ---- saved segments -----------------------------------------------------------------

    public Segment create(SegmentFields input, String callerName) {
        SegmentFields fields = validate(input);
        ensureNameFree(fields.name(), null);
        Instant now = Timestamps.now();
        Segment s = new Segment();
        s.id = UUID.randomUUID();
        s.createdAt = now;
        s.createdBy = callerName;
        apply(fields, s, now, callerName);
        segments.persist(s);
        segments.flush();
        audit.record(AuditAction.CREATE, AuditTarget.of(AuditedTypes.SEGMENT, s.id, null, FieldNames.setIn(fields)));
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Segment get(UUID id) {
        Segment s = segments.findById(id);
        if (s == null) {
            throw ApiProblem.notFound("segment", id);
        }
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Segment> list(PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), "createdAt");
        List<Segment> rows = segments.page(after == null ? null : after.instantValue(), after == null ? null : after.id(),
                page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor("createdAt", last.createdAt.toString(), last.id));
    }

    /** Replaces name, description, filter and owner (PUT), after the If-Match check. */
    public Segment replace(UUID id, SegmentFields input, String ifMatch, String callerName) {
        Segment s = segments.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("segment", id));
        ETags.checkIfMatch(ifMatch, s.version);
        SegmentFields fields = validate(input);
        ensureNameFree(fields.name(), id);
        apply(fields, s, Timestamps.now(), callerName);
        segments.flush();
        audit.record(AuditAction.UPDATE, AuditTarget.of(AuditedTypes.SEGMENT, s.id, null, FieldNames.setIn(fields)));
        return s;
    }

    public void delete(UUID id, String ifMatch) {
        Segment s = segments.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("segment", id));
        ETags.checkIfMatch(ifMatch, s.version);
        segments.delete(s);
        audit.record(AuditAction.DELETE, AuditTarget.of(AuditedTypes.SEGMENT, id, null, List.of()));
    }

    /**
     * Records that the caller exports the segment's members, committed before the first byte is
     * streamed: an export that breaks off midway still happened.
     */
    public void recordExport(UUID id) {
        get(id);
        audit.record(AuditAction.EXPORT, AuditTarget.of(AuditedTypes.SEGMENT, id, null, List.of()));
    }

    /** A keyset page of the segment's current members, oldest customer first, as {@link #search} writes it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Buffer members(UUID id, PageRequest page, boolean masked) {
        return page(memberCondition(id), CustomerSort.Order.DEFAULT, page, masked);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SegmentQueries.Breakdown stats(UUID id) {
        return queries.breakdown(memberCondition(id));
    }

    /**
     * The SQL condition selecting a saved segment's members now, for set-based work in other
     * capabilities (e.g. one task per member with a single {@code INSERT … SELECT}).
     *
     * <p>The condition is over the customer table aliased {@code c}, already excludes erased
     * customers, and uses JDBC {@code ?} placeholders; bind the values with
     * {@link CompiledFilter#bind(java.sql.PreparedStatement, int)}, e.g.
     * <pre>{@code
     * CompiledFilter members = segmentService.memberCondition(segmentId);
     * String sql = "INSERT INTO task (id, customer_id, ...) SELECT gen_random_uuid(), c.id, ... FROM customer c WHERE "
     *         + members.sql();
     * try (PreparedStatement ps = connection.prepareStatement(sql)) {
     *     int next = members.bind(ps, 1); // values of your own placeholders after the condition start at next
     *     ps.executeUpdate();
     * }
     * }</pre>
     * Relative times in the filter ("within 30 days") are fixed at the moment of this call. Run the
     * statement on a connection of the current transaction (the injected DataSource enlists it)
     * so it commits or rolls back with the rest of the work.
     *
     * @throws ApiProblem 404 when there is no such segment
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CompiledFilter memberCondition(UUID segmentId) {
        Segment s = get(segmentId);
        return compiler.compile(filterOf(s), "filter", Timestamps.now());
    }

    /** The stored filter tree of a segment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonNode filterOf(Segment s) {
        try {
            return json.readTree(s.filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored filter of segment " + s.id + " is not readable", e);
        }
    }

    /** Compiles a request's filter (found at {@code filter} of the body), relative times fixed now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CompiledFilter compile(JsonNode filter) {
        return compiler.compile(filter, "filter", Timestamps.now());
    }

    private Buffer page(CompiledFilter filter, CustomerSort.Order order, PageRequest page, boolean masked) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), order.key());
        return queries.page(filter, order, after, page.limit(), masked);
    }

    private SegmentFields validate(SegmentFields input) {
        if (input == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        SegmentFields fields = new SegmentFields(input.name() == null ? null : input.name().trim(),
                blankToNull(input.description()), input.filter(), blankToNull(input.owner()));
        List<FieldError> errors = new ArrayList<>(Violations.toFieldErrors(validator.validate(fields), null));
        if (fields.filter() != null && fields.filter().isNull()) {
            errors.add(new FieldError("filter", "must not be null"));
        }
        Violations.throwIfAny(errors);
        compile(fields.filter());
        return fields;
    }

    private void apply(SegmentFields f, Segment s, Instant now, String callerName) {
        s.name = f.name();
        s.description = f.description();
        s.filter = f.filter().toString();
        s.owner = f.owner() == null ? callerName : f.owner();
        s.updatedAt = now;
    }

    private void ensureNameFree(String name, UUID self) {
        segments.findByName(name).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ApiProblem.conflict("A segment named '" + other.name + "' exists already").with("existingId", other.id.toString());
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
