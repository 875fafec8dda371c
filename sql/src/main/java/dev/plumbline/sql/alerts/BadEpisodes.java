package dev.plumbline.sql.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bad episodes of a history, which a good policy catches and a poor one misses. The rule (documented in the
 * README, "Alert tuning"):
 * <ol>
 *   <li>A minute is burning when it has more bad requests than the objective allows (its own burn rate above 1).
 *   Burning minutes less than 30 minutes apart make one run, from the first burning minute to the end of the
 *   last.</li>
 *   <li>A run is an episode when it is budget-significant: its bad requests within some 1 hour reach 2% of the
 *   period's error budget, or within some 3 days 10% (the SRE workbook's page and ticket levels). The period's budget
 *   is (1 - target) x the requests of one objective window, at the history's average rate.</li>
 *   <li>Every incident annotation of the service (or the customer) is an episode from its start to its end (one hour
 *   when it has none); a run that overlaps one is the same episode, from the earlier start to the later end.</li>
 * </ol>
 * Pure.
 */
public final class BadEpisodes {

    /** An incident annotation: a stretch somebody marked as bad. */
    public record Incident(Instant start, Instant end, String text) {
    }

    static final Duration MERGE_GAP = Duration.ofMinutes(30);
    static final double FAST_SHARE = 0.02;
    static final double SLOW_SHARE = 0.10;

    private BadEpisodes() {
    }

    /** The error budget of one objective window, in requests, at the average rate of [from, to). */
    public static double periodBudget(MinuteCounts counts, double target, Duration period, Instant from, Instant to) {
        int a = counts.index(from);
        int b = counts.index(to);
        double perMinute = b > a ? counts.total(a, b) / (b - a) : 0;
        return (1 - target) * perMinute * period.toMinutes();
    }

    /** The episodes within [from, to), by start. */
    public static List<BadEpisode> find(MinuteCounts counts, double target, Duration period, Instant from, Instant to,
                                        List<Incident> incidents) {
        double budget = periodBudget(counts, target, period, from, to);
        List<BadEpisode> burns = new ArrayList<>();
        int a = counts.index(from);
        int b = counts.index(to);
        int runStart = -1;
        int lastBurning = -1;
        for (int m = a; m <= b; m++) {
            boolean burning = m < b && burning(counts, m, target);
            if (burning && runStart >= 0 && m - lastBurning > MERGE_GAP.toMinutes()) {
                add(burns, counts, runStart, lastBurning + 1, budget);
                runStart = -1;
            }
            if (burning) {
                runStart = runStart < 0 ? m : runStart;
                lastBurning = m;
            }
        }
        if (runStart >= 0) {
            add(burns, counts, runStart, lastBurning + 1, budget);
        }
        return merge(burns, incidents, counts, budget, from, to);
    }

    private static boolean burning(MinuteCounts counts, int m, double target) {
        double total = counts.total(m);
        return total > 0 && counts.bad(m) / total > 1 - target;
    }

    private static void add(List<BadEpisode> out, MinuteCounts counts, int from, int to, double budget) {
        if (!(budget > 0)) {
            return;
        }
        double fast = maxWithin(counts, from, to, 60);
        double slow = maxWithin(counts, from, to, 3 * 24 * 60);
        if (fast >= FAST_SHARE * budget || slow >= SLOW_SHARE * budget) {
            double burned = counts.bad(from, to) / budget;
            out.add(new BadEpisode(counts.at(from), counts.at(to), BadEpisode.Origin.BURN,
                    String.format(java.util.Locale.ROOT, "%.1f%% of the period's budget burned", 100 * burned), burned));
        }
    }

    /** The most bad requests within any {@code width} minutes inside [from, to). */
    private static double maxWithin(MinuteCounts counts, int from, int to, int width) {
        if (to - from <= width) {
            return counts.bad(from, to);
        }
        double best = 0;
        for (int s = from; s + width <= to; s++) {
            best = Math.max(best, counts.bad(s, s + width));
        }
        return best;
    }

    private static List<BadEpisode> merge(List<BadEpisode> burns, List<Incident> incidents, MinuteCounts counts,
                                          double budget, Instant from, Instant to) {
        List<BadEpisode> out = new ArrayList<>(burns);
        for (Incident i : incidents) {
            Instant end = i.end() == null ? i.start().plus(Duration.ofHours(1)) : i.end();
            if (!i.start().isBefore(to) || !end.isAfter(from)) {
                continue;
            }
            BadEpisode overlapping = out.stream().filter(e -> e.overlaps(i.start(), end)).findFirst().orElse(null);
            if (overlapping == null) {
                double burned = budget > 0 ? counts.bad(counts.index(i.start()), counts.index(end)) / budget : 0;
                out.add(new BadEpisode(i.start(), end, BadEpisode.Origin.INCIDENT, i.text(), burned));
            } else {
                out.remove(overlapping);
                Instant start = i.start().isBefore(overlapping.start()) ? i.start() : overlapping.start();
                Instant last = end.isAfter(overlapping.end()) ? end : overlapping.end();
                double burned = budget > 0 ? counts.bad(counts.index(start), counts.index(last)) / budget : 0;
                out.add(new BadEpisode(start, last, BadEpisode.Origin.BOTH, i.text(), burned));
            }
        }
        out.sort(Comparator.comparing(BadEpisode::start));
        return List.copyOf(out);
    }
}
