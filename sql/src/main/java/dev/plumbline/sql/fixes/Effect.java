package dev.plumbline.sql.fixes;

import java.time.LocalDate;
import java.util.List;

/**
 * What a shipped fix did, measured over {@link EffectWindows} ({@link Effects#measure}).
 *
 * @param before             the affected customers together, over the before window
 * @param after              the same over the after window
 * @param significance       the test on the daily values of all affected customers together; null when either window
 *                           has fewer than two days with a value
 * @param revenueAtRiskBefore the affected customers' revenue at risk on the service over the before window
 * @param revenueAtRiskAfter  the same over the after window
 * @param hypothesisHeld     whether the after window's figure satisfies the hypothesis
 * @param state              the resulting state: {@link FixState#SHIPPED} while there is too little to test, else
 *                           improved, no significant change, or worse, by the test
 * @param customers          the same per affected customer, in the fix's order
 */
public record Effect(EffectWindows windows, Window before, Window after, Significance significance,
                     double revenueAtRiskBefore, double revenueAtRiskAfter, boolean hypothesisHeld, FixState state,
                     List<CustomerEffect> customers) {

    /**
     * One window's figure.
     *
     * @param value     the figure over the whole window (errors / requests; the p95 of the merged histogram, ms);
     *                  null when it cannot be computed
     * @param daily     the daily values the test compares, one per day that has one, oldest first
     */
    public record Window(LocalDate from, LocalDate toExclusive, double requests, Double value, List<DailyValue> daily) {
    }

    public record DailyValue(LocalDate day, double value) {
    }

    /** One affected customer's windows and test (null when it has too few days with a value). */
    public record CustomerEffect(String customer, Window before, Window after, Significance significance) {
    }
}
