package dev.plumbline.sql.catalog;

import java.util.Objects;

/**
 * A service level objective.
 *
 * @param service            the service it belongs to
 * @param name               unique within the service, e.g. {@code availability}
 * @param indicator          what is measured
 * @param target             the share of good requests required, e.g. 0.999 (strictly between 0 and 1)
 * @param latencyThresholdMs for {@link Indicator#LATENCY}: a request is good when it took at most this long; else null
 * @param window             the period it is judged over
 * @param budgeting          how the budget is counted: requests (occurrences, the default) or time slices
 */
public record Objective(String service, String name, Indicator indicator, double target, Double latencyThresholdMs,
                        ObjectiveWindow window, Budgeting budgeting) {

    /** An objective whose budget is counted in requests (occurrences). */
    public Objective(String service, String name, Indicator indicator, double target, Double latencyThresholdMs,
                     ObjectiveWindow window) {
        this(service, name, indicator, target, latencyThresholdMs, window, Budgeting.OCCURRENCES);
    }

    public Objective {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(budgeting, "budgeting");
        String where = "objective " + service + "/" + name;
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException(where + ": target must be between 0 and 1 (e.g. 0.999), was " + target);
        }
        if (indicator == Indicator.LATENCY && (latencyThresholdMs == null || !(latencyThresholdMs > 0))) {
            throw new IllegalArgumentException(where + ": a latency objective needs a positive threshold in ms");
        }
        if (indicator == Indicator.AVAILABILITY && latencyThresholdMs != null) {
            throw new IllegalArgumentException(where + ": an availability objective has no latency threshold");
        }
    }

    /** The share allowed to be bad, of requests or of time slices: 1 - target. */
    public double errorBudget() {
        return 1 - target;
    }
}
