package dev.plumbline.dashboards.catalog;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an objective reads on a page: "99.9% available · rolling 30 days", "95% within 800 ms · calendar month",
 * "99% available · rolling 7 days · of 5-min slices, each 95% good".
 */
public final class ObjectiveText {

    private ObjectiveText() {
    }

    public static String describe(Objective objective) {
        String target = percent(objective.target());
        String what = objective.indicator() == Indicator.AVAILABILITY
                ? target + " available"
                : target + " within " + milliseconds(objective.latencyThresholdMs());
        var b = objective.budgeting();
        String slices = switch (b.method()) {
            case OCCURRENCES -> "";
            case TIMESLICES -> " · of " + b.sliceMinutes() + "-min slices, each " + percent(b.sliceTarget()) + " good";
            case RATIO_TIMESLICES -> " · averaged over " + b.sliceMinutes() + "-min slices";
        };
        return what + " · " + objective.window() + slices;
    }

    /** 0.999 → "99.9%", 0.95 → "95%", 0.99995 → "99.995%": as many decimals as the target has, none trailing. */
    static String percent(double share) {
        BigDecimal p = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return p.toPlainString() + "%";
    }

    static String milliseconds(double ms) {
        if (ms >= 1000 && ms % 1000 == 0) {
            return (long) (ms / 1000) + " s";
        }
        return (ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms)) + " ms";
    }
}
