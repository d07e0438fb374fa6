package io.clientbook.tier;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.clientbook.common.Timestamps;
import io.clientbook.common.db.SchemaReady;
import io.clientbook.common.db.StatementTimeouts;
import io.clientbook.common.db.TransactionSettings;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.Causes;
import io.clientbook.common.paging.Cursor;
import io.clientbook.common.paging.Page;
import io.clientbook.common.paging.PageRequest;
import io.clientbook.common.schedule.ScheduledFirings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Tier runs: one at a time across all replicas, each scoring every customer in one transaction.
 * <ol>
 * <li>Take the advisory lock ({@link TierRunLock}); without it the trigger is refused (HTTP: 409;
 * schedule: a log line and nothing else). A scheduled firing is also claimed ({@link ScheduledFirings}) with
 * the RUNNING row, so each firing makes one run however many replicas fire it.</li>
 * <li>Commit the RUNNING row first (any RUNNING row found under the lock is a crashed run's and is
 * marked FAILED "abandoned"), so the run is visible while it works.</li>
 * <li>Score in one transaction ({@link TierScoringSql#score}), fire {@link TierRunCompleted} in it,
 * and mark the run SUCCEEDED in it too: the new tiers, their history and the run's counts commit
 * together. On failure everything rolls back (the previous tiers stay) and the run is marked FAILED
 * with its error in a new transaction.</li>
 * </ol>
 * Deadlocks: the scoring locks the rows it changes in id order, the order purchase ingest uses, so it
 * cannot deadlock with ingest. Should PostgreSQL still abort it (deadlock 40P01 or serialization
 * failure 40001, e.g. with locks taken by an observer), the scoring is retried once in a new
 * transaction, as of the same T.
 * <p>
 * Shutdown: from the moment it starts (readiness DOWN) no new run starts here. When the application
 * stops ({@link ShutdownEvent}, before the connection pool closes) a run still going is interrupted:
 * the statement its scoring transaction runs is cancelled, the transaction rolls back (the previous
 * tiers stay) and the run is recorded FAILED "interrupted by shutdown" before the process goes on
 * exiting.
 */
@ApplicationScoped
public class TierRunService {

    private static final Logger LOG = Logger.getLogger(TierRunService.class);
    private static final String SORT = "-startedAt";
    private static final int MAX_ERROR = 2000;
    /** A PostgreSQL memory size, as {@code work_mem} takes it: digits and a unit. */
    private static final Pattern MEMORY_SIZE = Pattern.compile("[1-9][0-9]{0,6}(kB|MB|GB)");
    /** How the error of a run ended by shutdown starts. */
    static final String INTERRUPTED = "interrupted by shutdown";

    @Inject
    DataSource dataSource;
    @Inject
    TierRunRepository runs;
    @Inject
    TierPolicyService policies;
    @Inject
    TierScoringSql scoring;
    @Inject
    Event<TierRunCompleted> completed;
    @Inject
    MeterRegistry registry;
    @Inject
    TierConfig config;
    @Inject
    StatementTimeouts statementTimeouts;
    @Inject
    TransactionSettings settings;
    @Inject
    ScheduledFirings firings;

    private ExecutorService background;
    /** The run this process is executing (at most one: each holds the tier-run lock), null when none. */
    private final AtomicReference<ActiveRun> active = new AtomicReference<>();
    /** False once shutdown has begun: no new run starts here. Guarded by {@code this} with {@link #active}'s registration. */
    private boolean accepting = true;

    @PostConstruct
    void init() {
        config.workMem().filter(size -> !MEMORY_SIZE.matcher(size).matches()).ifPresent(size -> {
            // Refuse at start, not at 02:00 when the first run would fail on it.
            throw new IllegalStateException("clientbook.tiers.work-mem must be a size such as 64MB, got '" + size + "'");
        });
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tier-run");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }

    /** Shutdown has begun (readiness is DOWN, requests drain): start no new run here. */
    void onShutdownStarted(@Observes ShutdownDelayInitiatedEvent event) {
        stopAccepting();
    }

    /** The application stops: start nothing more, and end a run still going before the pool closes. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopAccepting();
        interruptActiveRun();
    }

    synchronized void stopAccepting() {
        accepting = false;
    }

    /**
     * Interrupts the run this process executes, if any, and returns once it has been recorded FAILED
     * (or, had it already committed, SUCCEEDED) and has released the tier-run lock — or after
     * {@code clientbook.tiers.shutdown-wait}, leaving it to the next start to mark the run abandoned.
     */
    void interruptActiveRun() {
        ActiveRun current = active.get();
        if (current == null) {
            return;
        }
        LOG.warn("Shutting down during a tier run: cancelling it; its transaction rolls back and the previous tiers stay");
        current.interrupt();
        long deadline = System.nanoTime() + config.shutdownWait().toNanos();
        try {
            do {
                try {
                    current.cancel(dataSource);
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("Could not cancel the tier run's statement: %s", e.getMessage());
                }
                if (System.nanoTime() > deadline) {
                    LOG.errorf("The tier run did not end within %s of being cancelled; the next start marks it abandoned",
                            config.shutdownWait());
                    return;
                }
            } while (!current.awaitEnd(Duration.ofMillis(200)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Registers the run about to begin as this process's active run; null when shutting down. */
    private synchronized ActiveRun register() {
        if (!accepting) {
            return null;
        }
        ActiveRun current = new ActiveRun();
        active.set(current);
        return current;
    }

    private void release(ActiveRun current) {
        active.compareAndSet(current, null);
        current.end();
    }

    /**
     * A RUNNING row left by a process that died is marked FAILED at start-up (once the schema is there), when
     * no live run holds the lock.
     */
    void onStart(@Observes SchemaReady event) {
        try {
            TierRunLock.tryAcquire(dataSource).ifPresent(lock -> {
                try (lock) {
                    abandonStaleRuns();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not check for abandoned tier runs at start-up; the next run will", e);
        }
    }

    /**
     * Starts a run that scores in the background, and answers it RUNNING. 409 when a run is already
     * running, here or on another replica.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public TierRun start(RunTrigger trigger, String triggeredBy) {
        TierRunLock lock = TierRunLock.tryAcquire(dataSource).orElseThrow(this::alreadyRunning);
        ActiveRun current = register();
        if (current == null) {
            lock.close();
            throw shuttingDown();
        }
        TierRun run;
        try {
            run = begin(trigger, triggeredBy, null).orElseThrow();
        } catch (RuntimeException e) {
            lock.close();
            release(current);
            throw e;
        }
        try {
            background.execute(() -> {
                try (lock) {
                    execute(run, current);
                } finally {
                    release(current);
                }
            });
        } catch (RejectedExecutionException e) {
            try (lock) {
                fail(run.id, rootMessage(e), 0);
            } finally {
                release(current);
            }
            throw e;
        }
        return run;
    }

    /**
     * The schedule's firing at {@code scheduledAt} (the cron instant): runs in the calling thread (the
     * scheduler's) unless another run holds the lock or another replica has already taken this firing;
     * then logs that and does nothing. Returns the finished run, or empty when skipped.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<TierRun> runScheduled(Instant scheduledAt) {
        Optional<TierRunLock> acquired = TierRunLock.tryAcquire(dataSource);
        if (acquired.isEmpty()) {
            LOG.infof("Scheduled tier run of %s skipped: another run holds the tier-run lock (on this or another replica)",
                    scheduledAt);
            return Optional.empty();
        }
        ActiveRun current = register();
        if (current == null) {
            acquired.get().close();
            LOG.infof("Scheduled tier run of %s not started: this instance is shutting down", scheduledAt);
            return Optional.empty();
        }
        try (TierRunLock lock = acquired.get()) {
            Optional<TierRun> begun = begin(RunTrigger.SCHEDULE, "schedule", scheduledAt);
            if (begun.isEmpty()) {
                return Optional.empty();
            }
            TierRun run = begun.get();
            execute(run, current);
            return Optional.of(QuarkusTransaction.requiringNew().call(() -> runs.findById(run.id)));
        } finally {
            release(current);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TierRun get(UUID id) {
        return runs.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("tier run", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TierRun> list(PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), SORT);
        List<TierRun> rows = runs.page(after == null ? null : after.instantValue(), after == null ? null : after.id(),
                page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), last -> new Cursor(SORT, last.startedAt.toString(), last.id));
    }

    private static ApiProblem shuttingDown() {
        return new ApiProblem(503, "shutting-down", "Shutting down",
                "This instance is shutting down and starts no tier run; retry, another instance will take it", null)
                .withHeader("Retry-After", "5");
    }

    private ApiProblem alreadyRunning() {
        Optional<TierRun> running = QuarkusTransaction.requiringNew().call(() -> runs.findRunning());
        ApiProblem problem = ApiProblem.conflict(running.map(r -> "Tier run " + r.id + " is running; start another "
                + "when it has finished").orElse("A tier run is starting; start another when it has finished"));
        running.ifPresent(r -> problem.with("runningRunId", r.id.toString())
                .withHeader("Location", "/api/v1/tier-runs/" + r.id));
        return problem;
    }

    /**
     * Commits the RUNNING row (and clears any abandoned one); the caller holds the lock. With a
     * scheduled firing, claims it in the same transaction: empty when another replica already took it.
     */
    private Optional<TierRun> begin(RunTrigger trigger, String triggeredBy, Instant firing) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (firing != null && !firings.claim(TierRunJob.IDENTITY, firing)) {
                LOG.infof("Scheduled tier run of %s skipped: %s already took this firing", firing,
                        firings.claimedBy(TierRunJob.IDENTITY, firing).orElse("another instance"));
                return Optional.<TierRun>empty();
            }
            abandonStaleRunsInTransaction();
            TierPolicy policy = policies.get();
            Instant now = Timestamps.now();
            TierRun run = new TierRun();
            run.id = UUID.randomUUID();
            run.status = RunStatus.RUNNING;
            run.trigger = trigger;
            run.triggeredBy = triggeredBy;
            run.asOf = now;
            run.startedAt = now;
            run.policyVersion = policy.version;
            run.windowDays = policy.windowDays;
            run.cutA = policy.cutA;
            run.cutB = policy.cutB;
            runs.persist(run);
            runs.flush();
            LOG.infof("Tier run %s started (%s, policy v%d: window %d days, cutA %s, cutB %s)", run.id,
                    firing == null ? trigger : trigger + " of " + firing, run.policyVersion, run.windowDays,
                    run.cutA.toPlainString(), run.cutB.toPlainString());
            return Optional.of(run);
        });
    }

    private void abandonStaleRuns() {
        QuarkusTransaction.requiringNew().run(this::abandonStaleRunsInTransaction);
    }

    private void abandonStaleRunsInTransaction() {
        int abandoned = runs.abandonRunning(Timestamps.now());
        if (abandoned > 0) {
            LOG.warnf("Marked %d tier run(s) FAILED as abandoned: RUNNING while no process held the tier-run lock",
                    abandoned);
        }
    }

    /** Scores (retrying once when PostgreSQL aborts the transaction), then records how it ended. */
    private void execute(TierRun run, ActiveRun current) {
        Timer.Sample sample = Timer.start(registry);
        RunStatus status = RunStatus.FAILED;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                int attemptNo = attempt;
                TierRun done = QuarkusTransaction.requiringNew().timeout(timeoutSeconds())
                        .call(() -> scoreAndComplete(run, attemptNo, current));
                status = RunStatus.SUCCEEDED;
                Counter.builder("clientbook.tier.run.customers.scored").description("Customers scored by tier runs")
                        .register(registry).increment(done.customersScored);
                Counter.builder("clientbook.tier.run.changes").description("Tier or RFM segment changes recorded by tier runs")
                        .register(registry).increment(done.changes);
                LOG.infof("Tier run %s succeeded: %d customers scored, %d changes, by tier %s", run.id,
                        done.customersScored, done.changes, done.countsByTier);
                break;
            } catch (RuntimeException e) {
                if (current.interrupted()) {
                    String cause = firstLine(Causes.rootMessage(e));
                    LOG.warnf("Tier run %s interrupted by shutdown; the previous tiers are kept (%s)", run.id, cause);
                    fail(run.id, INTERRUPTED + " (" + cause + ")", attempt);
                    break;
                }
                if (attempt == 1 && isTransient(e)) {
                    LOG.warnf("Tier run %s: PostgreSQL aborted the scoring (%s); retrying once", run.id, rootMessage(e));
                    continue;
                }
                LOG.errorf(e, "Tier run %s failed; the previous tiers are kept", run.id);
                fail(run.id, rootMessage(e), attempt);
                break;
            }
        }
        sample.stop(Timer.builder("clientbook.tier.run.duration").description("Duration of tier runs, start to end")
                .tag("trigger", run.trigger.name()).tag("status", status.name()).register(registry));
    }

    /** The run's one transaction: score, tell the observers, mark SUCCEEDED with the counts. */
    private TierRun scoreAndComplete(TierRun started, int attempt, ActiveRun current) {
        // Long on purpose: the run's statements get the run's own bound instead of the per-request one.
        statementTimeouts.extend(config.runTimeout());
        // Its sorts and hashes over every customer get the run's memory if one is set (checked at start: a size).
        config.workMem().ifPresent(size -> settings.set("work_mem", size));
        current.scoringOn(runs.currentBackend());
        TierScoringSql.Outcome outcome = scoring.score(started.id, started.asOf, started.policy());
        completed.fire(new TierRunCompleted(started.id, started.asOf));
        TierCounts counts = TierCounts.of(outcome.tallies());
        TierRun run = runs.findById(started.id);
        run.status = RunStatus.SUCCEEDED;
        run.finishedAt = Timestamps.now();
        run.customersScored = counts.customersScored();
        run.changes = outcome.changes();
        run.countsByTier = TierCounts.toStored(counts.byTier());
        run.countsBySegment = TierCounts.toStored(counts.bySegment());
        run.attempts = (short) attempt;
        runs.flush();
        return run;
    }

    private void fail(UUID runId, String error, int attempts) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                TierRun run = runs.findById(runId);
                if (run != null && run.status == RunStatus.RUNNING) {
                    run.status = RunStatus.FAILED;
                    run.finishedAt = Timestamps.now();
                    run.error = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
                    run.attempts = (short) attempts;
                }
            });
        } catch (RuntimeException e) {
            // The row stays RUNNING; the next run (or start-up) marks it abandoned.
            LOG.errorf(e, "Could not record tier run %s as FAILED", runId);
        }
    }

    private int timeoutSeconds() {
        Duration timeout = config.runTimeout();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    /** Deadlock or serialization failure: PostgreSQL's way of asking to try again. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The innermost message, which names what really went wrong (not the transaction wrapper's). */
    static String rootMessage(Throwable e) {
        String message = Causes.rootMessage(e);
        return Causes.root(e) == e ? message : message + " (" + e.getClass().getSimpleName() + ")";
    }

    /** PostgreSQL adds "Where: …" lines to its messages; the first line says what happened. */
    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
