package io.clientbook.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The named RFM segments. Active customers (a purchase in the window) get theirs from the R and F
 * scores by the common map; the others are {@link #LOST} (purchases only before the window) or
 * {@link #PROSPECT} (never bought).
 */
@Schema(name = "RfmSegment", description = "From the R and F scores of an active customer: R5 F4–5 CHAMPIONS; R3–4 F4–5 "
        + "LOYAL; R4–5 F2–3 POTENTIAL_LOYALIST; R5 F1 NEW; R4 F1 PROMISING; R3 F3 NEEDS_ATTENTION; R3 F1–2 "
        + "ABOUT_TO_SLEEP; R1–2 F3–4 AT_RISK; R1–2 F5 CANNOT_LOSE; R1–2 F1–2 HIBERNATING. Purchases only before the "
        + "window: LOST. Never bought: PROSPECT.")
public enum RfmSegment {
    CHAMPIONS,
    LOYAL,
    POTENTIAL_LOYALIST,
    NEW,
    PROMISING,
    NEEDS_ATTENTION,
    ABOUT_TO_SLEEP,
    AT_RISK,
    CANNOT_LOSE,
    HIBERNATING,
    LOST,
    PROSPECT;

    /** The segment of an active customer from its recency and frequency scores (1–5 each). */
    public static RfmSegment of(int recency, int frequency) {
        if (recency < 1 || recency > 5 || frequency < 1 || frequency > 5) {
            throw new IllegalArgumentException("RFM scores are 1–5, got R" + recency + " F" + frequency);
        }
        return switch (recency) {
            case 5 -> frequency >= 4 ? CHAMPIONS : frequency >= 2 ? POTENTIAL_LOYALIST : NEW;
            case 4 -> frequency >= 4 ? LOYAL : frequency >= 2 ? POTENTIAL_LOYALIST : PROMISING;
            case 3 -> frequency >= 4 ? LOYAL : frequency == 3 ? NEEDS_ATTENTION : ABOUT_TO_SLEEP;
            default -> frequency == 5 ? CANNOT_LOSE : frequency >= 3 ? AT_RISK : HIBERNATING;
        };
    }
}
