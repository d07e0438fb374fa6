package io.clientbook.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's notion of "now". */
public final class Timestamps {

    private Timestamps() {
    }

    /** Now, to the microsecond: PostgreSQL keeps microseconds, so what we answer equals what we read back later. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
