package dev.plumbline.sql.psr;

import dev.plumbline.sql.catalog.Budgeting;
import dev.plumbline.sql.catalog.Objective;
import java.time.Duration;

/**
 * Time-slice budgets (OpenSLO budgetingMethod Timeslices and RatioTimeslices). Pure.
 * <ul>
 *   <li>A slice is a stretch of the objective's time slice, counted from the period's start; its good share is the
 *       share of its requests without error (availability) or within the latency threshold (latency).</li>
 *   <li>Timeslices: a judged slice is bad when its good share is below the slice target; the bad share is bad slices /
 *       judged slices. RatioTimeslices: the bad share is 1 - the average good share of the judged slices.</li>
 *   <li>The budget is the share of slices allowed to be bad, 1 - target: burn rate = bad share / (1 - target);
 *       budget consumed = the bad slices (for RatioTimeslices the slices' bad shares added up) / the bad slices the
 *       objective's window allows, (1 - target) x window / slice.</li>
 * </ul>
 * A slice without requests is not judged (nothing was asked of the service then; a collection gap shows in coverage).
 */
public final class TimeSlices {

    private TimeSlices() {
    }

    /** How many slices of {@code slice} the period holds, the last one possibly shorter. */
    public static long inPeriod(Period period, Duration slice) {
        long seconds = period.length().toSeconds();
        return (seconds + slice.toSeconds() - 1) / slice.toSeconds();
    }

    /**
     * The bad slices: judged slices below the slice target (Timeslices), or the judged slices' bad shares added up,
     * judged - the sum of their good shares (RatioTimeslices).
     */
    public static double badSlices(Budgeting budgeting, TimeSliceCounts counts) {
        double bad = switch (budgeting.method()) {
            case TIMESLICES -> counts.judged() - counts.good();
            case RATIO_TIMESLICES -> counts.judged() - counts.goodShareSum();
            case OCCURRENCES -> throw new IllegalArgumentException("Occurrences has no time slices");
        };
        return Math.max(0, bad);
    }

    /** The share of the judged slices that counts as bad, by the objective's method; null when none was judged. */
    public static Double badShare(Budgeting budgeting, TimeSliceCounts counts) {
        return counts.judged() == 0 ? null : badSlices(budgeting, counts) / counts.judged();
    }

    /**
     * The share of the window's budget the bad slices used: bad slices / ((1 - target) x window / slice).
     *
     * @param badSlices bad slices, or for RatioTimeslices the judged slices' bad shares added up
     */
    public static double consumed(double badSlices, double target, Duration slice, Duration window) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target must be between 0 and 1, was " + target);
        }
        double allowed = (1 - target) * window.toSeconds() / slice.toSeconds();
        return badSlices / allowed;
    }

    /** The objective judged from its slices over {@code window}; a missing figure says why. */
    public static ObjectiveResult judge(Objective o, TimeSliceCounts counts, Duration window, String latencyNote) {
        Budgeting b = o.budgeting();
        if (counts == null) {
            return unknown(o, "time slices are judged for services and for slices (service x customer), not "
                    + "for groups of customers", null);
        }
        if (counts.minutesMissing() > 0 && b.sliceMinutes() % 60 != 0) {
            return unknown(o, "time slices of " + b.sliceMinutes() + " min need the per-minute telemetry, which is "
                    + "kept for plumbline.schema.raw-ttl-days (35 by default); " + counts.minutesMissing()
                    + " minutes with data of this period are only in the hourly roll-up", counts);
        }
        if (counts.unjudgeable() > 0) {
            return unknown(o, counts.unjudgeable() + " of the period's slices with requests cannot be judged: "
                    + (latencyNote.isEmpty() ? "no latency histogram that can be merged" : latencyNote), counts);
        }
        Double bad = badShare(b, counts);
        if (bad == null) {
            return unknown(o, "no time slice with requests in the period", counts);
        }
        double burn = Budgets.burnRate(bad, o.target());
        double consumed = consumed(badSlices(b, counts), o.target(), b.slice(), window);
        return new ObjectiveResult(o, bad, burn, consumed, burn <= 1, "", counts);
    }

    private static ObjectiveResult unknown(Objective o, String note, TimeSliceCounts counts) {
        return new ObjectiveResult(o, null, null, null, null, note, counts);
    }
}
