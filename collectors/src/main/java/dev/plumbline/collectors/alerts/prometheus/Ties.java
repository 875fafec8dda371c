package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.MinuteCounts;
import dev.plumbline.sql.alerts.RuleManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluations where a window's share of bad requests is within float noise of a rule's threshold. There the answer
 * depends on how the share is rounded: the rule manager divides bad by total requests; Prometheus divides two rates
 * (and, for latency, takes 1 minus the good share), which can land one unit in the last place either side. Real
 * telemetry hits such a tie almost never; planted tests must not, or they would test rounding, not the rules.
 */
public final class Ties {

    /** Relative distance from the threshold that counts as a tie: far above double rounding, far below any burn. */
    static final double NOISE = 1e-9;

    private Ties() {
    }

    /** The evaluations (minutes from the counts' start) of {@code rule} at which a window ties with its threshold. */
    public static List<Integer> of(BurnRule rule, double target, MinuteCounts counts) {
        double threshold = RuleManager.threshold(rule, target);
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t <= counts.minutes(); t++) {
            if (ties(counts, t, rule.longWindow().toMinutes(), threshold)
                    || rule.shortWindow() != null && ties(counts, t, rule.shortWindow().toMinutes(), threshold)) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean ties(MinuteCounts counts, int t, long window, double threshold) {
        double total = counts.total((int) (t - window), t);
        return total > 0 && Math.abs(counts.bad((int) (t - window), t) / total - threshold) <= NOISE * threshold;
    }
}
