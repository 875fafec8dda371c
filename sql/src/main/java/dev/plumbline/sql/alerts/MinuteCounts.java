package dev.plumbline.sql.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Requests and bad requests (failed, or slower than the objective's threshold) per minute, for every minute from
 * {@code start}: minute i is [start + i min, start + i + 1 min). Sums over any window are O(1) (prefix sums).
 */
public final class MinuteCounts {

    private final Instant start;
    private final double[] total;
    private final double[] bad;
    private final double[] totalBefore;
    private final double[] badBefore;

    public MinuteCounts(Instant start, double[] total, double[] bad) {
        Objects.requireNonNull(start, "start");
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start)) {
            throw new IllegalArgumentException("start: must be a whole minute, was " + start);
        }
        if (total.length != bad.length) {
            throw new IllegalArgumentException("total and bad must have one count per minute each: " + total.length
                    + " and " + bad.length);
        }
        this.start = start;
        this.total = total.clone();
        this.bad = bad.clone();
        totalBefore = new double[total.length + 1];
        badBefore = new double[total.length + 1];
        for (int i = 0; i < total.length; i++) {
            totalBefore[i + 1] = totalBefore[i] + total[i];
            badBefore[i + 1] = badBefore[i] + bad[i];
        }
    }

    public Instant start() {
        return start;
    }

    /** The end of the last minute. */
    public Instant end() {
        return start.plus(total.length, ChronoUnit.MINUTES);
    }

    public int minutes() {
        return total.length;
    }

    public double total(int minute) {
        return total[minute];
    }

    public double bad(int minute) {
        return bad[minute];
    }

    /** The index of the minute that starts at {@code t} (may be outside the counts). */
    public int index(Instant t) {
        return (int) Duration.between(start, t).toMinutes();
    }

    public Instant at(int minute) {
        return start.plus(minute, ChronoUnit.MINUTES);
    }

    /** Requests in the minutes [from, to) (indexes, clipped to the counts). */
    public double total(int from, int to) {
        return totalBefore[clip(to)] - totalBefore[clip(from)];
    }

    /** Bad requests in the minutes [from, to) (indexes, clipped to the counts). */
    public double bad(int from, int to) {
        return badBefore[clip(to)] - badBefore[clip(from)];
    }

    private int clip(int i) {
        return Math.max(0, Math.min(total.length, i));
    }
}
