package io.clientbook.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.clientbook.audit.AuditAction;
import io.clientbook.audit.AuditTarget;
import io.clientbook.audit.AuditTrail;
import io.clientbook.audit.AuditedTypes;
import io.clientbook.common.Timestamps;
import io.clientbook.common.db.StatementTimeouts;
import io.clientbook.common.error.ApiProblem;
import io.clientbook.common.error.Violations;
import io.clientbook.common.web.ETags;

/** The tier policy: read it, replace it (versioned), and preview a proposed one without writing anything. */
@ApplicationScoped
@Transactional
public class TierPolicyService {

    /** The fields of a policy as a client sends them; nulls are checked, not defaulted (except in a preview). */
    public record Proposal(Integer windowDays, BigDecimal cutA, BigDecimal cutB) {
    }

    /** What a run with a proposed policy would find now. */
    public record Preview(Instant asOf, TierPolicyValues policy, TierCounts counts) {
    }

    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    TierScoringSql scoring;
    @Inject
    StatementTimeouts statementTimeouts;

    @Transactional(Transactional.TxType.SUPPORTS)
    public TierPolicy get() {
        return em.find(TierPolicy.class, TierPolicy.ID);
    }

    /** Replaces the policy (every field required), after the If-Match check; the version moves. */
    public TierPolicy replace(Proposal proposal, String ifMatch, String updatedBy) {
        if (proposal == null) {
            throw ApiProblem.validation("body", "must be a JSON object");
        }
        TierPolicy policy = em.find(TierPolicy.class, TierPolicy.ID, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, policy.version);
        Violations.throwIfAny(TierPolicyValues.check(proposal.windowDays(), proposal.cutA(), proposal.cutB()));
        if (policy.windowDays == proposal.windowDays() && policy.cutA.compareTo(proposal.cutA()) == 0
                && policy.cutB.compareTo(proposal.cutB()) == 0) {
            return policy;
        }
        List<String> changed = new ArrayList<>();
        if (policy.windowDays != proposal.windowDays()) {
            changed.add("windowDays");
        }
        if (policy.cutA.compareTo(proposal.cutA()) != 0) {
            changed.add("cutA");
        }
        if (policy.cutB.compareTo(proposal.cutB()) != 0) {
            changed.add("cutB");
        }
        policy.windowDays = proposal.windowDays();
        policy.cutA = proposal.cutA();
        policy.cutB = proposal.cutB();
        policy.updatedAt = Timestamps.now();
        policy.updatedBy = updatedBy;
        em.flush();
        audit.record(AuditAction.UPDATE, AuditTarget.of(AuditedTypes.TIER_POLICY, TierPolicy.ID, null, changed));
        return policy;
    }

    /**
     * What a run would find now with the proposed policy (fields left out keep the current policy's
     * values), compared with the customers' current tiers. Reads only: nothing is written.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Preview preview(Proposal proposal) {
        TierPolicy current = get();
        Proposal p = proposal == null ? new Proposal(null, null, null) : proposal;
        Integer windowDays = p.windowDays() == null ? current.windowDays : p.windowDays();
        BigDecimal cutA = p.cutA() == null ? current.cutA : p.cutA();
        BigDecimal cutB = p.cutB() == null ? current.cutB : p.cutB();
        Violations.throwIfAny(TierPolicyValues.check(windowDays, cutA, cutB));
        TierPolicyValues values = new TierPolicyValues(windowDays, cutA, cutB);
        Instant asOf = Timestamps.now();
        // Scores everyone, like a run: the job bound for this read-only transaction.
        statementTimeouts.extendForJob();
        return new Preview(asOf, values, TierCounts.of(scoring.preview(asOf, values)));
    }
}
