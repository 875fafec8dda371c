package dev.plumbline.sql.psr;

import java.time.Duration;

/** Error budgets and burn rates, as the SRE workbook defines them. */
public final class Budgets {

    private Budgets() {
    }

    /**
     * How fast the budget burns: the share of bad requests divided by the share allowed (1 - target). 1 means exactly
     * on budget over the objective's window.
     */
    public static double burnRate(double badShare, double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target must be between 0 and 1, was " + target);
        }
        return badShare / (1 - target);
    }

    /**
     * The share of a window's error budget consumed by burning at {@code burnRate} for {@code period}: burn x period /
     * window (1.0 = the whole budget).
     */
    public static double consumed(double burnRate, Duration period, Duration window) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        return burnRate * period.toSeconds() / window.toSeconds();
    }
}
