package io.clientbook.task;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.clientbook.customer.ContactChannel;
import io.clientbook.customer.Tier;

/**
 * Creates tasks for many customers at once: THE one place where generated tasks are written.
 * <p>
 * Why SQL, and one statement: the daily rules (a holiday greeting for every customer, birthdays,
 * check-ins) and campaigns cover whole customer bases; loading customers into the JVM one by one
 * would make memory and time grow with the base and the frequency cap racy. One
 * {@code INSERT … SELECT} per rule and trigger set keeps memory flat and decides everything from the
 * same snapshot. Event rules (a purchase, a complaint) use the same statement with a few candidate
 * rows, so there is one implementation of the guarantees:
 * <ul>
 * <li><b>exactly once</b>: the unique key (source, customer, trigger key) and {@code ON CONFLICT DO
 * NOTHING}; retries, replays, re-runs and replicas add nothing;</li>
 * <li><b>erased customers</b> get nothing (not even a skip record); customers outside the rule's
 * tiers are out of its scope (not recorded either);</li>
 * <li><b>consent</b> (marketing types): the channel is the customer's preferred one if consented and
 * allowed, else the first consented channel of the rule's list; none: skipped NO_CONSENT;</li>
 * <li><b>frequency cap</b> (marketing types): skipped FREQUENCY_CAP when another marketing task of the
 * customer is OPEN and due, or was DONE, less than {@code minDaysBetweenContacts} days from this one's
 * due time — except tasks of the same trigger (a purchase's thank-you and survey are one planned
 * sequence). Among the candidates of one statement a customer's earlier-due candidate wins over
 * later ones within the cap (conservatively: a later one is skipped even if the earlier one is itself
 * skipped by the cap, so two contacts are never closer than the cap);</li>
 * <li><b>lateness</b>: with {@link Spec#notDueBefore} set, a candidate due before it is skipped
 * TOO_LATE (a back-filled purchase of last year asks for no thank-you now).</li>
 * </ul>
 * Every skip is recorded in {@code task_skip} once per (source, customer, trigger key). The frequency
 * cap sees committed tasks and this transaction's own, so concurrent generations are serialised where
 * they could meet: those of one customer's event run under the customer's row lock (taken by purchases
 * and customer edits), and set-based ones (campaigns, the daily job, a tier run's rules) wait for each
 * other ({@link TaskGenerator#awaitSetBasedTurn}). An event's generation and a set-based one at the
 * same moment can still each miss the other's task: closing that would mean locking every member's
 * row for a whole campaign.
 */
@ApplicationScoped
public class TaskGenerationSql {

    /** What the tasks of one generation are and how they are checked. */
    public record Spec(
            /** A rule id, or e.g. CAMPAIGN: the first part of the exactly-once key. */
            String source,
            TaskType type,
            Priority priority,
            /** Title of a task whose candidate row names none. */
            String defaultTitle,
            /** The channel policy, in order of preference after the customer's preferred channel. */
            List<ContactChannel> channels,
            Set<Tier> tiers,
            boolean includeUntiered,
            /** Candidates due before this are skipped TOO_LATE; null: no lateness check. */
            Instant notDueBefore,
            int minDaysBetweenContacts,
            /** Written to created_by, e.g. "follow-up-rules". */
            String createdBy) {

        public boolean marketing() {
            return type.marketing();
        }
    }

    /**
     * The candidate rows, as a SQL query yielding exactly the columns {@code customer_id uuid,
     * trigger_key text, due_at timestamptz, channel text, title text} (channel and title may be null:
     * the rule's policy and default title apply). Its parameter names must not start with {@code g_}.
     */
    public record Candidates(String sql, Map<String, Object> params) {

        /** Candidates computed in Java (event rules, one customer): bound as arrays and unnested. */
        public static Candidates of(List<Candidate> rows) {
            int n = rows.size();
            UUID[] customers = new UUID[n];
            String[] keys = new String[n];
            String[] dues = new String[n];
            String[] channels = new String[n];
            String[] titles = new String[n];
            for (int i = 0; i < n; i++) {
                Candidate c = rows.get(i);
                customers[i] = c.customerId();
                keys[i] = c.triggerKey();
                dues[i] = c.dueAt().toString();
                channels[i] = c.channel() == null ? null : c.channel().name();
                titles[i] = c.title();
            }
            return new Candidates("""
                    SELECT * FROM unnest(CAST(:c_customers AS uuid[]), CAST(:c_keys AS text[]),
                                         CAST(:c_dues AS timestamptz[]), CAST(:c_channels AS text[]), CAST(:c_titles AS text[]))
                        AS x (customer_id, trigger_key, due_at, channel, title)""",
                    Map.of("c_customers", customers, "c_keys", keys, "c_dues", dues, "c_channels", channels, "c_titles", titles));
        }
    }

    /** One candidate computed in Java; channel and title may be null. */
    public record Candidate(UUID customerId, String triggerKey, Instant dueAt, ContactChannel channel, String title) {
    }

    /** What one generation did: its id (the tasks' generation_id), how many it created, and skipped by reason. */
    public record Result(UUID generationId, int created, Map<SkipReason, Integer> skipped) {

        public int skipped(SkipReason reason) {
            return skipped.getOrDefault(reason, 0);
        }
    }

    private static final String GENERATE = """
            WITH cand AS (
                SELECT DISTINCT ON (x.customer_id, x.trigger_key) x.customer_id, x.trigger_key, x.due_at, x.channel, x.title
                FROM (%s) x
                WHERE x.customer_id IS NOT NULL AND x.trigger_key IS NOT NULL AND x.due_at IS NOT NULL
                ORDER BY x.customer_id, x.trigger_key, x.due_at
            ), ctx AS (
                -- Consent: the channel asked for (if consented), else the preferred channel if consented and
                -- allowed, else the first consented channel of the rule's list. Non-marketing tasks fall
                -- back to the preferred channel, then the rule's first.
                SELECT cand.customer_id, cand.trigger_key, cand.due_at, cand.title, c.owner,
                       CASE WHEN cand.channel IS NOT NULL AND (NOT :g_marketing OR c.consent -> cand.channel ->> 'granted' = 'true')
                                THEN cand.channel
                            WHEN cand.channel IS NOT NULL THEN NULL
                            ELSE coalesce(
                                (SELECT u.ch FROM unnest(CAST(:g_channels AS text[])) WITH ORDINALITY AS u (ch, ord)
                                 WHERE c.consent -> u.ch ->> 'granted' = 'true'
                                 ORDER BY coalesce(u.ch = c.preferred_channel, false) DESC, u.ord LIMIT 1),
                                CASE WHEN NOT :g_marketing THEN coalesce(c.preferred_channel, (CAST(:g_channels AS text[]))[1]) END)
                       END AS channel
                FROM cand JOIN customer c ON c.id = cand.customer_id
                WHERE c.erased_at IS NULL
                  AND (c.tier = ANY (CAST(:g_tiers AS text[])) OR (c.tier IS NULL AND :g_untiered))
                  -- Already created by an earlier run: neither a task nor a skip.
                  AND NOT EXISTS (SELECT 1 FROM task t WHERE t.source = :g_source AND t.customer_id = cand.customer_id
                                  AND t.trigger_key = cand.trigger_key)
            ), judged AS (
                SELECT ctx.*,
                       CASE WHEN CAST(:g_not_due_before AS timestamptz) IS NOT NULL AND ctx.due_at < CAST(:g_not_due_before AS timestamptz)
                                THEN 'TOO_LATE'
                            WHEN ctx.channel IS NULL THEN 'NO_CONSENT'
                       END AS reason
                FROM ctx
            ), paced AS (
                -- The latest due time among the same customer's earlier-due (due time, then trigger key)
                -- candidates of this statement that are not skipped already. A window, not a correlated
                -- EXISTS over the CTE: that scanned every candidate for every candidate, quadratic (a first
                -- tier run over a million customers makes a few hundred thousand VIP candidates).
                SELECT judged.*,
                       max(due_at) FILTER (WHERE reason IS NULL)
                           OVER (PARTITION BY customer_id ORDER BY due_at, trigger_key
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_due
                FROM judged
            ), capped AS (
                SELECT j.customer_id, j.trigger_key, j.due_at, j.title, j.owner, j.channel,
                       CASE WHEN j.reason IS NULL AND :g_marketing AND (
                                -- Another open (by due time) or done (by completion time) marketing contact too close.
                                EXISTS (SELECT 1 FROM task t
                                        WHERE t.customer_id = j.customer_id AND t.marketing AND t.trigger_key IS DISTINCT FROM j.trigger_key
                                          AND ((t.status = 'OPEN' AND t.due_at > j.due_at - :g_gap_days * interval '1 day'
                                                                  AND t.due_at < j.due_at + :g_gap_days * interval '1 day')
                                            OR (t.status = 'DONE' AND t.completed_at > j.due_at - :g_gap_days * interval '1 day'
                                                                  AND t.completed_at < j.due_at + :g_gap_days * interval '1 day')))
                                -- An earlier-due candidate of the same customer in this statement (trigger keys
                                -- are distinct per customer after cand's DISTINCT ON, so it is another task).
                                OR j.earlier_due > j.due_at - :g_gap_days * interval '1 day')
                            THEN 'FREQUENCY_CAP' ELSE j.reason
                       END AS reason
                FROM paced j
            ), ins AS (
                -- md5(random) UUIDs: gen_random_uuid() needs PostgreSQL 13, and we support 12.
                INSERT INTO task (id, customer_id, type, title, channel, due_at, assignee, priority, status, source, trigger_key,
                                  marketing, generation_id, created_by, version, created_at, updated_at)
                SELECT CAST(md5(random()::text || clock_timestamp()::text || capped.customer_id::text || capped.trigger_key) AS uuid),
                       customer_id, :g_type, coalesce(title, :g_title), channel, due_at, owner, :g_priority, 'OPEN', :g_source,
                       trigger_key, :g_marketing, :g_generation, :g_created_by, 0, :g_now, :g_now
                FROM capped WHERE reason IS NULL
                ORDER BY customer_id, trigger_key
                ON CONFLICT (source, customer_id, trigger_key) WHERE trigger_key IS NOT NULL DO NOTHING
                RETURNING 1
            ), skips AS (
                INSERT INTO task_skip (id, source, trigger_key, customer_id, reason, skipped_at)
                SELECT CAST(md5(random()::text || clock_timestamp()::text || capped.customer_id::text || capped.trigger_key) AS uuid),
                       :g_source, trigger_key, customer_id, reason, :g_now
                FROM capped WHERE reason IS NOT NULL
                ORDER BY customer_id, trigger_key
                ON CONFLICT (source, customer_id, trigger_key) DO NOTHING
                RETURNING reason
            )
            SELECT 'CREATED', count(*) FROM ins
            UNION ALL
            SELECT reason, count(*) FROM skips GROUP BY reason""";

    @Inject
    EntityManager em;

    /**
     * Runs one generation: every candidate row becomes a task, a recorded skip, or nothing (erased,
     * out of the rule's tiers, or already created). Joins the caller's transaction. Fires no events
     * and counts no metrics: {@link TaskGenerator} does.
     */
    public Result generate(Spec spec, Candidates candidates, Instant now) {
        for (String name : candidates.params().keySet()) {
            if (name.startsWith("g_")) {
                throw new IllegalArgumentException("candidate parameter names must not start with g_: " + name);
            }
        }
        UUID generation = UUID.randomUUID();
        Map<String, Object> params = new HashMap<>(candidates.params());
        params.put("g_marketing", spec.marketing());
        params.put("g_channels", spec.channels().stream().map(Enum::name).toArray(String[]::new));
        params.put("g_tiers", spec.tiers().stream().map(Enum::name).toArray(String[]::new));
        params.put("g_untiered", spec.includeUntiered());
        params.put("g_source", spec.source());
        params.put("g_not_due_before", spec.notDueBefore());
        params.put("g_gap_days", spec.minDaysBetweenContacts());
        params.put("g_type", spec.type().name());
        params.put("g_title", spec.defaultTitle());
        params.put("g_priority", spec.priority().name());
        params.put("g_generation", generation);
        params.put("g_created_by", spec.createdBy());
        params.put("g_now", now);
        String sql = GENERATE.formatted(candidates.sql());
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = NamedSql.prepare(connection, sql, params); ResultSet rs = ps.executeQuery()) {
                int created = 0;
                Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
                while (rs.next()) {
                    String what = rs.getString(1);
                    int count = rs.getInt(2);
                    if ("CREATED".equals(what)) {
                        created = count;
                    } else {
                        skipped.put(SkipReason.valueOf(what), count);
                    }
                }
                return new Result(generation, created, skipped);
            }
        });
    }

    /** The tasks one generation created, for callers that announce them one by one. */
    public List<Task> createdBy(UUID generationId) {
        return new ArrayList<>(em.createQuery("from Task where generationId = :g order by customerId, triggerKey", Task.class)
                .setParameter("g", generationId).getResultList());
    }
}
