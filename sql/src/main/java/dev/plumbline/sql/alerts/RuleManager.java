package dev.plumbline.sql.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays one rule over per-minute counts the way Prometheus' rule manager evaluates an alerting rule, once a minute
 * on whole minutes. The evaluation at minute t reads the window's minutes before t, [t - window, t), as
 * {@code rate(...[window])} reads the samples of (t - window, t] (a minute's count is the counter's increase over it).
 * <ul>
 *   <li>The rule has a result at t when requests in the long window are above 0 (and at least {@code minRequests}) and
 *   bad / requests there is above factor x (1 - target), and the same holds over the short window.</li>
 *   <li>With a result, an inactive alert becomes pending (active since t); a pending one fires once
 *   t - activeAt >= for (with {@code for} 0, at its first evaluation): {@code for / 1m + 1} evaluations in a row.</li>
 *   <li>Without a result, a pending alert is dropped; a firing one resolves, unless {@code keepFiringFor}: then it
 *   stays firing while t - (its first evaluation without a result) < keepFiringFor.</li>
 * </ul>
 * Pure.
 */
public final class RuleManager {

    /** An alert's state after an evaluation. */
    public enum State {
        INACTIVE, PENDING, FIRING
    }

    /**
     * A firing episode: from the evaluation that fired it to the one that resolved it (exclusive); {@code resolved}
     * is null when it was still firing at the last evaluation.
     */
    public record Firing(Instant fired, Instant resolved) {
    }

    /**
     * A rule's run: its state after each evaluation at {@code first} + i minutes, and its firing episodes.
     *
     * @param first the first evaluation time
     */
    public record Run(BurnRule rule, Instant first, State[] states, List<Firing> firings) {

        public State stateAt(Instant t) {
            return states[(int) Duration.between(first, t).toMinutes()];
        }
    }

    private RuleManager() {
    }

    /**
     * Evaluates {@code rule} at every whole minute in [first, last]; the counts must start at least the rule's long
     * window before {@code first} (else the window holds fewer minutes, as a series that starts late would).
     */
    public static Run run(BurnRule rule, double target, MinuteCounts counts, Instant first, Instant last) {
        double threshold = threshold(rule, target);
        int longMinutes = (int) rule.longWindow().toMinutes();
        int shortMinutes = rule.shortWindow() == null ? 0 : (int) rule.shortWindow().toMinutes();
        long forMinutes = rule.forDuration().toMinutes();
        long keepMinutes = rule.keepFiringFor().toMinutes();
        int evaluations = (int) Duration.between(first, last).toMinutes() + 1;
        State[] states = new State[evaluations];
        List<Firing> firings = new ArrayList<>();
        State state = State.INACTIVE;
        int activeAt = -1;
        int firedAt = -1;
        int keepFiringSince = -1;
        int offset = counts.index(first);
        for (int e = 0; e < evaluations; e++) {
            int t = offset + e;   // the evaluation reads the minutes before index t
            boolean result = burns(counts, t - longMinutes, t, threshold, rule.minRequests())
                    && (shortMinutes == 0 || burns(counts, t - shortMinutes, t, threshold, 0));
            if (result) {
                keepFiringSince = -1;
                if (state == State.INACTIVE) {
                    state = State.PENDING;
                    activeAt = e;
                }
                if (state == State.PENDING && e - activeAt >= forMinutes) {
                    state = State.FIRING;
                    firedAt = e;
                }
            } else if (state == State.PENDING) {
                state = State.INACTIVE;
            } else if (state == State.FIRING) {
                if (keepFiringSince < 0) {
                    keepFiringSince = e;
                }
                if (e - keepFiringSince >= keepMinutes) {
                    firings.add(new Firing(first.plus(Duration.ofMinutes(firedAt)), first.plus(Duration.ofMinutes(e))));
                    state = State.INACTIVE;
                    keepFiringSince = -1;
                }
            }
            states[e] = state;
        }
        if (state == State.FIRING) {
            firings.add(new Firing(first.plus(Duration.ofMinutes(firedAt)), null));
        }
        return new Run(rule, first, states, List.copyOf(firings));
    }

    /** The error ratio above which the rule has a result: factor x (1 - target), as the exported rule writes it. */
    public static double threshold(BurnRule rule, double target) {
        return rule.factor() * (1 - target);
    }

    private static boolean burns(MinuteCounts counts, int from, int to, double threshold, long minRequests) {
        double total = counts.total(from, to);
        if (!(total > 0) || total < minRequests) {
            return false;
        }
        return counts.bad(from, to) / total > threshold;
    }
}
