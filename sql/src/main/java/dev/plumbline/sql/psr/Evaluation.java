package dev.plumbline.sql.psr;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import java.time.Duration;
import java.util.List;

/** Judges objectives against a period's figures. Pure. */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * @param histogram the merged histogram, or null when it cannot be merged
     * @param latencyNote why the histogram is missing ("" when it is there)
     */
    public static List<ObjectiveResult> judge(List<Objective> objectives, double requests, double errors,
                                              Histogram histogram, String latencyNote, Period period) {
        return judge(objectives, requests, errors, histogram, latencyNote, period, o -> null);
    }

    /** @param slices the time slices of a time-slice objective in this period (null where they are not counted) */
    public static List<ObjectiveResult> judge(List<Objective> objectives, double requests, double errors,
                                              Histogram histogram, String latencyNote, Period period,
                                              java.util.function.Function<Objective, TimeSliceCounts> slices) {
        return objectives.stream().map(o -> o.budgeting().timeSliced()
                ? TimeSlices.judge(o, slices.apply(o), window(o, period), latencyNote)
                : judge(o, requests, errors, histogram, latencyNote, period)).toList();
    }

    static ObjectiveResult judge(Objective o, double requests, double errors, Histogram histogram, String latencyNote,
                                 Period period) {
        if (!(requests > 0)) {
            return new ObjectiveResult(o, null, null, null, null, "no requests in the period");
        }
        Double bad;
        if (o.indicator() == Indicator.AVAILABILITY) {
            bad = errors / requests;
        } else if (histogram == null || histogram.isEmpty()) {
            return new ObjectiveResult(o, null, null, null, null,
                    latencyNote.isEmpty() ? "no latency histogram in the period" : latencyNote);
        } else {
            bad = histogram.shareAbove(o.latencyThresholdMs() / 1000);
        }
        double burn = Budgets.burnRate(bad, o.target());
        return new ObjectiveResult(o, bad, burn, Budgets.consumed(burn, period.length(), window(o, period)), burn <= 1, "");
    }

    /** The objective's window: its rolling days, or the calendar month, quarter or year the period starts in. */
    static Duration window(Objective o, Period period) {
        return o.window().lengthAt(period.from());
    }
}
