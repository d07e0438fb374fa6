package io.clientbook.tier;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously once per successful tier run, INSIDE the run's transaction, after the run has
 * written its customer updates and its {@code tier_change} rows (and before it is marked SUCCEEDED).
 * <p>
 * The contract for observers ({@code void on(@Observes TierRunCompleted e)} in an
 * {@code @ApplicationScoped} bean), such as the follow-up rules (A→B: win-back task, →A: VIP welcome)
 * and the event feed:
 * <ul>
 * <li>Work set-based on {@code SELECT … FROM tier_change WHERE run_id = :runId}: one row per customer
 * whose tier or RFM segment changed in this run ({@code from_tier}/{@code to_tier} are null-able
 * {@code A|B|C}, null meaning not scored before; segments are {@link RfmSegment} names; every row's
 * {@code changed_at} equals {@code asOf}). Never load the run's customers one by one: a run can change
 * hundreds of thousands of them.</li>
 * <li>What an observer writes joins the run's transaction: it commits with the new tiers or not at
 * all. An exception thrown by an observer fails the run (it is rolled back and recorded FAILED), so
 * throw only for what must stop the run.</li>
 * <li>It is not fired for previews, and a failed run commits nothing an observer wrote. A run whose
 * scoring PostgreSQL aborts (deadlock, serialization failure) is retried once in a new transaction,
 * which fires the event again: keep side effects outside the database out of observers.</li>
 * </ul>
 *
 * @param runId the run, the key of its {@code tier_change} rows
 * @param asOf  the moment the run scored every customer as of (its start, T)
 */
public record TierRunCompleted(UUID runId, Instant asOf) {
}
