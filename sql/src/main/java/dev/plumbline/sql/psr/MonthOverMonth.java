package dev.plumbline.sql.psr;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures next to the previous period's, with the changes a review reads: differences for shares and seconds, the
 * relative change for request volume. A change is null when either side is missing (no traffic before, no percentile).
 *
 * @param previous          the previous period's figures (null: nothing then)
 * @param requestsChange    current / previous requests - 1 (0.25 = 25% more)
 * @param errorRateChange   current - previous error rate (shares; 0.001 = 0.1 percentage points)
 * @param p95ChangeSeconds  current - previous p95
 * @param burnRateChanges   per objective of the current figures, in their order: current - previous burn rate
 */
public record MonthOverMonth(Figures current, Figures previous, Double requestsChange, Double errorRateChange,
                             Double availabilityChange, Double p50ChangeSeconds, Double p95ChangeSeconds,
                             Double p99ChangeSeconds, List<Double> burnRateChanges) {

    public MonthOverMonth {
        burnRateChanges = java.util.Collections.unmodifiableList(new ArrayList<>(burnRateChanges));
    }

    /** Pure: pairs {@code current} with {@code previous} (may be null). */
    public static MonthOverMonth of(Figures current, Figures previous) {
        List<Double> burns = new ArrayList<>();
        for (ObjectiveResult now : current.objectives()) {
            ObjectiveResult before = previous == null ? null : previous.objectives().stream()
                    .filter(o -> o.objective().name().equals(now.objective().name())).findFirst().orElse(null);
            burns.add(before == null ? null : difference(now.burnRate(), before.burnRate()));
        }
        if (previous == null || !(previous.requests() > 0) || !(current.requests() > 0)) {
            return new MonthOverMonth(current, previous,
                    previous != null && previous.requests() > 0 ? current.requests() / previous.requests() - 1 : null,
                    null, null, null, null, null, burns);
        }
        return new MonthOverMonth(current, previous, current.requests() / previous.requests() - 1,
                current.errorRate() - previous.errorRate(), current.availability() - previous.availability(),
                difference(current.p50Seconds(), previous.p50Seconds()),
                difference(current.p95Seconds(), previous.p95Seconds()),
                difference(current.p99Seconds(), previous.p99Seconds()), burns);
    }

    /** Pure: each current figure with the previous one of the same key (null when the key had nothing before). */
    public static List<MonthOverMonth> pair(List<Figures> current, List<Figures> previous) {
        java.util.Map<String, Figures> before = new java.util.HashMap<>();
        previous.forEach(f -> before.put(f.key(), f));
        return current.stream().map(f -> of(f, before.get(f.key()))).toList();
    }

    private static Double difference(Double now, Double before) {
        return now == null || before == null ? null : now - before;
    }
}
