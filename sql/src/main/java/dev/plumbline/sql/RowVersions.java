package dev.plumbline.sql;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Versions of the rows the stores write to {@code ReplacingMergeTree} tables (their {@code updated_at},
 * {@code computed_at}, {@code collected_at} columns): the store's clock in milliseconds, but never equal to or before
 * a version this process handed out already. Two writes of the same key one after the other therefore always keep
 * the second, whatever the clock says (a fixed test clock, two writes in the same millisecond, a clock set back).
 */
public final class RowVersions {

    private static final RowVersions PROCESS = new RowVersions();

    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    RowVersions() {
    }

    /** The next version of this process: {@code clock}'s instant in whole milliseconds, or 1 ms after the last one. */
    public static Instant next(Clock clock) {
        return PROCESS.after(clock);
    }

    /** The next version of this sequence (tests use their own sequence). */
    Instant after(Clock clock) {
        long now = clock.millis();
        return Instant.ofEpochMilli(last.updateAndGet(previous -> Math.max(now, previous + 1)));
    }
}
