package dev.plumbline.sql.psr;

import dev.plumbline.sql.catalog.Objective;

/**
 * An objective judged over a period.
 *
 * @param badShare       share of bad requests (failed, or slower than the threshold), or of bad time slices; null
 *                       when it cannot be known
 * @param burnRate       badShare / (1 - target); 1 = exactly on budget
 * @param budgetConsumed share of the objective window's error budget this period used (burn x period / window)
 * @param met            the period stayed within budget (burn rate at most 1)
 * @param note           why a figure is missing, or ""
 * @param slices         for a time-slice objective, what its slices say (see {@link TimeSlices}); else null
 */
public record ObjectiveResult(Objective objective, Double badShare, Double burnRate, Double budgetConsumed,
                              Boolean met, String note, TimeSliceCounts slices) {

    /** An objective judged by its requests (occurrences). */
    public ObjectiveResult(Objective objective, Double badShare, Double burnRate, Double budgetConsumed, Boolean met,
                           String note) {
        this(objective, badShare, burnRate, budgetConsumed, met, note, null);
    }
}
