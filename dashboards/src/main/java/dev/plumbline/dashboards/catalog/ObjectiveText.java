package dev.plumbline.dashboards.catalog;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.psr.PercentText;

/**
 * How an objective reads on a page: "99.9% available · rolling 30 days", "95% within 800 ms · calendar month",
 * "99% available · rolling 7 days · of 5-min slices, each 95% good".
 */
public final class ObjectiveText {

    private ObjectiveText() {
    }

    public static String describe(Objective objective) {
        String target = PercentText.exact(objective.target());
        String what = objective.indicator() == Indicator.AVAILABILITY
                ? target + " available"
                : target + " within " + milliseconds(objective.latencyThresholdMs());
        var b = objective.budgeting();
        String slices = switch (b.method()) {
            case OCCURRENCES -> "";
            case TIMESLICES -> " · of " + b.sliceMinutes() + "-min slices, each " + PercentText.exact(b.sliceTarget()) + " good";
            case RATIO_TIMESLICES -> " · averaged over " + b.sliceMinutes() + "-min slices";
        };
        return what + " · " + objective.window() + slices;
    }

    static String milliseconds(double ms) {
        if (ms >= 1000 && ms % 1000 == 0) {
            return (long) (ms / 1000) + " s";
        }
        return (ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms)) + " ms";
    }
}
