package dev.plumbline.sql.triggers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Edge triggering, pure: from each subject's state before and its figure now, the crossings to send and the states
 * to keep. A subject fires when it begins to breach, and resolves when it recovers after it was sent firing. Held
 * back: a firing within the cooldown of the subject's last firing (it fires at the first evaluation after the
 * cooldown if it still breaches then, with the breach's own start), and any firing after the first with only once.
 * A subject without a figure now (no traffic in the window, or out of the set) keeps its state: not knowing is not a
 * recovery.
 */
public final class Edges {

    private Edges() {
    }

    /** What an evaluation gives: the crossings to send (by subject) and every subject's state after it. */
    public record Result(List<Crossing> crossings, List<SubjectState> states) {
    }

    public static Result evaluate(Trigger trigger, Map<String, SubjectState> before, Map<String, Double> now,
                                  Instant at) {
        Rule rule = trigger.rule();
        Map<String, SubjectState> after = new TreeMap<>(before);
        List<Crossing> crossings = new ArrayList<>();
        for (Map.Entry<String, Double> e : new TreeMap<>(now).entrySet()) {
            String subject = e.getKey();
            double value = e.getValue();
            SubjectState was = before.getOrDefault(subject, SubjectState.fresh(subject, value));
            boolean breaching = rule.comparison().breaches(value, rule.threshold());
            SubjectState next;
            if (breaching) {
                Instant since = was.breaching() ? was.since() : at;
                boolean fire = !was.notified() && !held(trigger, was, at);
                if (fire) {
                    crossings.add(new Crossing(subject, Crossing.Status.FIRING, since, null, value));
                    next = new SubjectState(subject, true, since, true, at, was.firedCount() + 1, value);
                } else {
                    next = new SubjectState(subject, true, since, was.notified(), was.lastFiredAt(), was.firedCount(),
                            value);
                }
            } else {
                if (was.breaching() && was.notified()) {
                    crossings.add(new Crossing(subject, Crossing.Status.RESOLVED, was.since(), at, value));
                }
                next = new SubjectState(subject, false, was.since(), false, was.lastFiredAt(), was.firedCount(), value);
            }
            after.put(subject, next);
        }
        return new Result(List.copyOf(crossings), List.copyOf(after.values()));
    }

    /** Whether a firing of {@code was}'s subject is held back at {@code at}: only once, or within the cooldown. */
    private static boolean held(Trigger trigger, SubjectState was, Instant at) {
        if (trigger.onlyOnce() && was.firedCount() > 0) {
            return true;
        }
        Duration cooldown = trigger.cooldown();
        return was.lastFiredAt() != null && !cooldown.isZero() && at.isBefore(was.lastFiredAt().plus(cooldown));
    }
}
