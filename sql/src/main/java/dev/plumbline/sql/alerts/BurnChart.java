package dev.plumbline.sql.alerts;

import dev.plumbline.sql.alerts.RuleManager.Firing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a backtest's chart draws: each distinct window's burn rate at every evaluation (bad / requests over the
 * window's minutes before it, divided by the error budget, as {@link RuleManager} reads it), downsampled to at most a
 * number of points by taking the largest burn of each step (so a short spike stays visible); each rule's threshold;
 * each candidate rule's firing as bands; the incidents as marks. Pure.
 *
 * @param step       how many minutes of evaluations each point covers
 * @param windows    one series per distinct window, shortest first
 * @param thresholds one per candidate rule
 * @param bands      one per candidate rule: its firings
 * @param incidents  the incident annotations of the history
 */
public record BurnChart(Duration step, List<Series> windows, List<Threshold> thresholds, List<Band> bands,
                        List<BadEpisodes.Incident> incidents) {

    /** A window's burn rate; a point's burn is null where no evaluation of its step had requests in the window. */
    public record Series(Duration window, List<Point> points) {
    }

    /** The largest burn among the evaluations from {@code time} to the next point's. */
    public record Point(Instant time, Double burn) {
    }

    /** A rule's line: it has a result when both its windows burn above {@code factor}. */
    public record Threshold(String policy, String rule, String severity, Duration longWindow, Duration shortWindow,
                            double factor) {
    }

    /** A rule's firing episodes. */
    public record Band(String policy, String rule, String severity, List<Firing> firings) {
    }

    /**
     * The chart of evaluations at every minute of (from, to].
     *
     * @param maxPoints at most this many points per series (at least 1)
     */
    public static BurnChart of(MinuteCounts counts, double target, Instant from, Instant to, List<AlertPolicy> candidates,
                               List<Report> reports, List<BadEpisodes.Incident> incidents, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints: at least 1, was " + maxPoints);
        }
        int evaluations = (int) Duration.between(from, to).toMinutes();
        int step = Math.max(1, (evaluations + maxPoints - 1) / maxPoints);
        TreeSet<Duration> distinct = new TreeSet<>();
        List<Threshold> thresholds = new ArrayList<>();
        for (AlertPolicy p : candidates) {
            for (BurnRule r : p.rules()) {
                distinct.add(r.longWindow());
                if (r.shortWindow() != null) {
                    distinct.add(r.shortWindow());
                }
                thresholds.add(new Threshold(p.name(), r.name(), r.severity().label(), r.longWindow(), r.shortWindow(),
                        r.factor()));
            }
        }
        List<Series> windows = new ArrayList<>();
        for (Duration w : distinct) {
            windows.add(new Series(w, series(counts, target, from, evaluations, step, (int) w.toMinutes())));
        }
        List<Band> bands = new ArrayList<>();
        for (Report report : reports) {
            for (Report.RuleFirings r : report.rules()) {
                bands.add(new Band(report.policy(), r.rule(), r.severity(), r.firings()));
            }
        }
        return new BurnChart(Duration.ofMinutes(step), windows, thresholds, bands, List.copyOf(incidents));
    }

    /** The burn of a window at the evaluation at {@code t} (an index of counts): null without requests. */
    static Double burn(MinuteCounts counts, double target, int t, int window) {
        double total = counts.total(t - window, t);
        return total > 0 ? counts.bad(t - window, t) / total / (1 - target) : null;
    }

    private static List<Point> series(MinuteCounts counts, double target, Instant from, int evaluations, int step,
                                      int window) {
        List<Point> out = new ArrayList<>();
        int first = counts.index(from) + 1;   // the first evaluation is at from + 1 minute
        for (int e = 0; e < evaluations; e += step) {
            Double max = null;
            for (int k = e; k < Math.min(evaluations, e + step); k++) {
                Double b = burn(counts, target, first + k, window);
                if (b != null && (max == null || b > max)) {
                    max = b;
                }
            }
            out.add(new Point(counts.at(first + e), max));
        }
        return List.copyOf(out);
    }
}
