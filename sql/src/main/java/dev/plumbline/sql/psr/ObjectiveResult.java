package dev.plumbline.sql.psr;

import dev.plumbline.sql.catalog.Objective;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    /**
     * The worst of a service's (or slice's) judged objectives: the one that used the largest share of its error budget
     * in the period ({@link #budgetConsumed}); on a tie the higher burn rate, then the first by name. Empty when none
     * has a budget consumed (nothing judged). Pure.
     */
    public static Optional<ObjectiveResult> worst(List<ObjectiveResult> results) {
        return results.stream().filter(o -> o.budgetConsumed() != null)
                .max(Comparator.comparing(ObjectiveResult::budgetConsumed)
                        .thenComparing(o -> o.burnRate() == null ? Double.NEGATIVE_INFINITY : o.burnRate())
                        .thenComparing(o -> o.objective().name(), Comparator.reverseOrder()));
    }
}
