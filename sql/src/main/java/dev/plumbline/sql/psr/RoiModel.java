package dev.plumbline.sql.psr;

import java.time.LocalDate;

/**
 * The ROI model (see README, "ROI model"): how badness turns into revenue at risk and return on effort.
 *
 * @param saturation           badness above 1 counts in full once it reaches 1 + saturation (default 4)
 * @param renewalHorizonDays   customers renewing within this many days weigh more
 * @param renewalMultiplier    by this factor
 */
public record RoiModel(double saturation, int renewalHorizonDays, double renewalMultiplier) {

    public static final RoiModel DEFAULT = new RoiModel(4, 90, 1.5);

    public RoiModel {
        if (!(saturation > 0)) {
            throw new IllegalArgumentException("saturation must be positive, was " + saturation);
        }
        if (renewalHorizonDays < 0) {
            throw new IllegalArgumentException("renewal horizon must not be negative, was " + renewalHorizonDays);
        }
        if (!(renewalMultiplier >= 1)) {
            throw new IllegalArgumentException("renewal multiplier must be at least 1, was " + renewalMultiplier);
        }
    }

    /** min(1, max(0, badness - 1) / saturation): 0 on budget, 1 when badly over. */
    public double saturated(double badness) {
        return Math.min(1, Math.max(0, badness - 1) / saturation);
    }

    public boolean renewsSoon(LocalDate renewal, LocalDate today) {
        return renewal != null && !renewal.isBefore(today) && !renewal.isAfter(today.plusDays(renewalHorizonDays));
    }

    /** ARR x exposure x saturated badness x (multiplier when renewing soon). */
    public double revenueAtRisk(double arr, double exposure, double badness, boolean renewsSoon) {
        return arr * exposure * saturated(badness) * (renewsSoon ? renewalMultiplier : 1);
    }

    /** Revenue at risk per engineer-week of effort. */
    public double roi(double revenueAtRisk, double effortWeeks) {
        if (!(effortWeeks > 0)) {
            throw new IllegalArgumentException("effort must be positive, was " + effortWeeks);
        }
        return revenueAtRisk / effortWeeks;
    }

    /** A slice's contribution to health: 1 on budget, falling to 0 as badness saturates. */
    public double sliceHealth(double badness) {
        return 1 - saturated(badness);
    }
}
