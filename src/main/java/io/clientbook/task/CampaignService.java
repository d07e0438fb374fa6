package io.clientbook.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.clientbook.common.Timestamps;
import io.clientbook.common.db.StatementTimeouts;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.FieldError;
import io.clientbook.common.error.Violations;
import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Tier;
import io.clientbook.segment.CompiledFilter;
import io.clientbook.segment.SegmentService;

/**
 * Campaigns: one task per member of a saved segment, in one set-based generation
 * ({@link TaskGenerator}, announced as a batch) over the segment's member condition. Campaign tasks
 * are marketing contacts whatever their type, so consent and the frequency cap apply; the trigger key
 * {@code campaign:<key>} ({@link CampaignKey}) makes a campaign reach each customer at most once.
 */
@ApplicationScoped
@Transactional
public class CampaignService {

    /** {@code source} of campaign tasks and skips. */
    public static final String SOURCE = "CAMPAIGN";
    /** Channels tried for a member who did not consent to the campaign's channel (after their preferred one). */
    static final List<ContactChannel> CHANNELS = List.of(ContactChannel.EMAIL, ContactChannel.SMS, ContactChannel.PHONE,
            ContactChannel.SOCIAL, ContactChannel.VISIT);
    /** The trigger key of a campaign's tasks. */
    public static String triggerKey(String campaign) {
        return CampaignKey.triggerKey(campaign);
    }

    /** What a campaign did: its key and the generation's counts. */
    public record Launched(String campaign, TaskGenerationSql.Result result) {
    }

    @Inject
    SegmentService segments;
    @Inject
    TaskGenerator generator;
    @Inject
    TasksConfig config;
    @Inject
    Validator validator;
    @Inject
    StatementTimeouts statementTimeouts;

    /**
     * Creates the campaign's tasks for the segment's current members. 400 for a bad body (naming the
     * field), 404 for an unknown segment. Members who already have this campaign's task get nothing new.
     */
    public Launched launch(UUID segmentId, NewCampaign input, String callerKeyId, String idempotencyKey, String createdBy) {
        NewCampaign body = validate(input, idempotencyKey);
        String campaign = CampaignKey.of(body.campaign(), callerKeyId, idempotencyKey);
        CompiledFilter.Named members = segments.memberCondition(segmentId).named("seg_");
        // One task per member of a segment of any size, in one statement: the job bound (the wait for the
        // other set-based generations included).
        statementTimeouts.extendForJob();
        generator.awaitSetBasedTurn();

        Map<String, Object> params = new HashMap<>(members.params());
        params.put("c_key", CampaignKey.triggerKey(campaign));
        params.put("c_due", body.dueAt().truncatedTo(ChronoUnit.MICROS));
        params.put("c_channel", body.channel() == null ? null : body.channel().name());
        // The campaign's channel where the member consented to it; otherwise null, and the generation picks
        // the member's consented channel (preferred first) or skips NO_CONSENT.
        TaskGenerationSql.Candidates candidates = new TaskGenerationSql.Candidates("""
                SELECT c.id AS customer_id, CAST(:c_key AS text) AS trigger_key, CAST(:c_due AS timestamptz) AS due_at,
                       CASE WHEN c.consent -> CAST(:c_channel AS text) ->> 'granted' = 'true' THEN CAST(:c_channel AS text) END
                           AS channel,
                       CAST(NULL AS text) AS title
                FROM customer c
                WHERE\s""" + members.sql(), params);
        TaskGenerationSql.Spec spec = new TaskGenerationSql.Spec(SOURCE, body.type(), body.priority(), body.title(), CHANNELS,
                EnumSet.allOf(Tier.class), true, null, config.minDaysBetweenContacts(), createdBy);
        Instant now = Timestamps.now();
        return new Launched(campaign, generator.generate(spec, candidates, now, TaskGenerator.Announce.BATCH));
    }

    private NewCampaign validate(NewCampaign input, String idempotencyKey) {
        if (input == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        NewCampaign body = input.normalized();
        List<FieldError> errors = new ArrayList<>(Violations.toFieldErrors(validator.validate(body), null));
        if (!NewCampaign.TYPES.contains(body.type())) {
            errors.add(new FieldError("type", "must be one of " + NewCampaign.TYPES));
        }
        if (body.campaign() == null && idempotencyKey == null) {
            errors.add(new FieldError("campaign", "is required without an Idempotency-Key header: it makes the campaign "
                    + "exactly-once"));
        }
        Violations.throwIfAny(errors);
        return body;
    }
}
