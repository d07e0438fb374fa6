package io.clientbook.task;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.clientbook.audit.AuditedTypes;
import io.clientbook.event.RecordDiff;
import io.clientbook.audit.AuditTrail;
import io.clientbook.audit.AuditTarget;
import io.clientbook.audit.AuditAction;
import io.clientbook.common.Timestamps;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.Violations;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.web.ETags;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Tier;

/** The follow-up rules' stored settings: read them, change them (validated), and turn them into generation specs. */
@ApplicationScoped
@Transactional
public class FollowUpRuleService {

    /** Who generated tasks are created by. */
    public static final String CREATED_BY = "follow-up-rules";

    /** The rule-specific settings as stored in the {@code settings} JSON column. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Settings(Integer responseHours, Integer daysBefore, Map<Tier, Integer> intervalDays,
            List<FollowUpRuleFields.Holiday> holidays) {
    }

    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    TasksConfig config;
    @Inject
    TaskSkipRepository skipRows;

    private static final String SKIP_SORT = "-skippedAt";

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowUpRule> all() {
        return em.createQuery("from FollowUpRule", FollowUpRule.class).getResultList().stream()
                .sorted((a, b) -> a.id.compareTo(b.id)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUpRule get(FollowUpRuleId id) {
        FollowUpRule rule = em.find(FollowUpRule.class, id);
        if (rule == null) {
            throw new IllegalStateException("follow-up rule " + id + " is not seeded");
        }
        return rule;
    }

    /** The rule's settings if it is enabled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FollowUpRuleFields> enabled(FollowUpRuleId id) {
        FollowUpRule rule = get(id);
        return rule.enabled ? Optional.of(fieldsOf(rule)) : Optional.empty();
    }

    /** Replaces the rule's settings, after the If-Match check; every wrong field is a 400 naming it. */
    public FollowUpRule put(FollowUpRuleId id, FollowUpRuleFields body, String ifMatch) {
        if (body == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        FollowUpRule rule = em.find(FollowUpRule.class, id, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, rule.version);
        FollowUpRuleFields fields = body.normalized();
        Violations.throwIfAny(fields.errors(id));
        FollowUpRuleFields before = fieldsOf(rule);
        if (fields.equals(before)) {
            return rule;
        }
        rule.enabled = fields.enabled();
        rule.title = fields.title();
        rule.delayDays = fields.delayDays();
        rule.leadDays = fields.leadDays();
        rule.priority = fields.priority();
        rule.channels = fields.channels().stream().map(Enum::name).toArray(String[]::new);
        rule.tiers = fields.tiers().stream().map(Enum::name).sorted().toArray(String[]::new);
        rule.includeUntiered = fields.includeUntiered();
        rule.settings = write(new Settings(fields.responseHours(), fields.daysBefore(), fields.intervalDays(), fields.holidays()));
        rule.updatedAt = Timestamps.now();
        em.flush();
        audit.record(AuditAction.UPDATE, AuditTarget.of(AuditedTypes.FOLLOW_UP_RULE, id.name(), null,
                RecordDiff.changedComponents(before, fields)));
        return rule;
    }

    /** The stored settings as the API shows them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUpRuleFields fieldsOf(FollowUpRule rule) {
        Settings s = read(rule.settings);
        return new FollowUpRuleFields(rule.enabled, rule.title, rule.delayDays, rule.leadDays, rule.priority,
                Arrays.stream(rule.channels).map(ContactChannel::valueOf).toList(),
                Arrays.stream(rule.tiers).map(Tier::valueOf).toList(), rule.includeUntiered, s.responseHours(),
                s.daysBefore(), s.intervalDays(), s.holidays());
    }

    /** What the rules skipped, newest first, keyset-paged; filters null for any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskSkip> skips(UUID customerId, String source, SkipReason reason, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), SKIP_SORT);
        List<TaskSkip> rows = skipRows.page(customerId, source, reason, after == null ? null : after.instantValue(),
                after == null ? null : after.id(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SKIP_SORT, last.skippedAt.toString(), last.id));
    }

    /** The generation spec of a rule; {@code notDueBefore} null for no lateness check. */
    public TaskGenerationSql.Spec spec(FollowUpRuleId id, FollowUpRuleFields rule, Instant notDueBefore) {
        Set<Tier> tiers = rule.tiers().isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(rule.tiers());
        return new TaskGenerationSql.Spec(id.name(), id.type(), rule.priority(), rule.title(), rule.channels(), tiers,
                rule.includeUntiered(), notDueBefore, config.minDaysBetweenContacts(), CREATED_BY);
    }

    private Settings read(String settings) {
        try {
            return json.readValue(settings, Settings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored follow-up rule settings are not readable", e);
        }
    }

    private String write(Settings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
