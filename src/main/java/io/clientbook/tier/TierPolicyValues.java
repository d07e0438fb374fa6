package io.clientbook.tier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.clientbook.common.error.FieldError;

/**
 * What a tier run is parameterised by: the window of {@code windowDays} days and the ABC cut-offs
 * ({@code cutA} &lt; {@code cutB}, both in (0, 1], at most 4 decimals).
 */
public record TierPolicyValues(int windowDays, BigDecimal cutA, BigDecimal cutB) {

    public static final int MAX_WINDOW_DAYS = 3650;
    public static final int MAX_CUT_DECIMALS = 4;
    public static final TierPolicyValues DEFAULT = new TierPolicyValues(365, new BigDecimal("0.80"), new BigDecimal("0.95"));

    /** Start of the window of a run as of {@code asOf}, exclusive: the window is (T − W days, T], W days of 24 h. */
    public Instant windowStart(Instant asOf) {
        return asOf.minus(Duration.ofDays(windowDays));
    }

    /** What is wrong with these values, one error per field (empty when valid). */
    public static List<FieldError> check(Integer windowDays, BigDecimal cutA, BigDecimal cutB) {
        List<FieldError> errors = new ArrayList<>();
        if (windowDays == null) {
            errors.add(new FieldError("windowDays", "is required"));
        } else if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            errors.add(new FieldError("windowDays", "must be from 1 to " + MAX_WINDOW_DAYS + " days"));
        }
        boolean aValid = checkCut("cutA", cutA, errors);
        boolean bValid = checkCut("cutB", cutB, errors);
        if (aValid && bValid && cutA.compareTo(cutB) >= 0) {
            errors.add(new FieldError("cutB", "must be greater than cutA (" + cutA.toPlainString() + ")"));
        }
        return errors;
    }

    private static boolean checkCut(String field, BigDecimal cut, List<FieldError> errors) {
        if (cut == null) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        if (cut.signum() <= 0 || cut.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError(field, "must be greater than 0 and at most 1 (a share of the window's revenue)"));
            return false;
        }
        if (cut.stripTrailingZeros().scale() > MAX_CUT_DECIMALS) {
            errors.add(new FieldError(field, "must have at most " + MAX_CUT_DECIMALS + " decimals"));
            return false;
        }
        return true;
    }
}
