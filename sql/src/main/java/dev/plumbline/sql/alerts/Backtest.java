package dev.plumbline.sql.alerts;

import dev.plumbline.sql.alerts.RuleManager.Firing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays candidate policies over a history and reports each side by side ({@link Report}): every rule through the
 * rule manager ({@link RuleManager}), evaluated at every whole minute of (from, to], against the history's bad
 * episodes ({@link BadEpisodes}). Pure.
 */
public final class Backtest {

    private Backtest() {
    }

    /**
     * @param counts  the minutes of [from - the longest window, to)
     * @param target  the objective's target
     * @param period  the objective's window (its budget is the unit of "budget burned")
     */
    public static List<Report> run(MinuteCounts counts, double target, Duration period, Instant from, Instant to,
                                   List<AlertPolicy> candidates, List<BadEpisode> episodes, ReportSettings settings) {
        double budget = BadEpisodes.periodBudget(counts, target, period, from, to);
        List<Report> out = new ArrayList<>();
        for (AlertPolicy policy : candidates) {
            out.add(report(policy, counts, target, from, to, episodes, settings, budget));
        }
        return out;
    }

    static Report report(AlertPolicy policy, MinuteCounts counts, double target, Instant from, Instant to,
                         List<BadEpisode> episodes, ReportSettings settings, double budget) {
        Instant first = from.plus(Duration.ofMinutes(1));
        List<Report.RuleFirings> rules = new ArrayList<>();
        List<Firing> all = new ArrayList<>();
        List<Firing> pages = new ArrayList<>();
        for (BurnRule rule : policy.rules()) {
            List<Firing> firings = RuleManager.run(rule, target, counts, first, to).firings();
            rules.add(new Report.RuleFirings(rule.name(), rule.severity().label(), firings));
            all.addAll(firings);
            if (rule.severity() == BurnRule.Severity.PAGE) {
                pages.addAll(firings);
            }
        }
        List<Firing> alerts = union(all, to);
        List<Firing> paged = union(pages, to);
        double weeks = Duration.between(from, to).toMinutes() / (7.0 * 24 * 60);
        int offHours = (int) paged.stream().filter(f -> settings.offHours(f.fired())).count();
        Duration firing = alerts.stream().map(f -> Duration.between(f.fired(), end(f, to))).reduce(Duration.ZERO, Duration::plus);
        int flaps = 0;
        for (int i = 1; i < alerts.size(); i++) {
            Instant before = end(alerts.get(i - 1), to);
            if (Duration.between(before, alerts.get(i).fired()).compareTo(settings.cooldown()) < 0) {
                flaps++;
            }
        }
        List<Report.Outcome> outcomes = new ArrayList<>();
        for (BadEpisode e : episodes) {
            outcomes.add(outcome(e, alerts, counts, budget, to));
        }
        int caught = (int) outcomes.stream().filter(Report.Outcome::caught).count();
        long relevant = alerts.stream().filter(f -> episodes.stream().anyMatch(e -> e.overlaps(f.fired(), end(f, to))))
                .count();
        return new Report(policy.name(), alerts.size(), paged.size(), weeks > 0 ? paged.size() / weeks : 0, offHours,
                firing, flaps, outcomes, caught, outcomes.size() - caught,
                alerts.isEmpty() ? null : relevant / (double) alerts.size(),
                episodes.isEmpty() ? null : caught / (double) episodes.size(), rules);
    }

    private static Report.Outcome outcome(BadEpisode e, List<Firing> alerts, MinuteCounts counts, double budget,
                                          Instant to) {
        List<Firing> during = alerts.stream().filter(f -> e.overlaps(f.fired(), end(f, to))).toList();
        if (during.isEmpty()) {
            return new Report.Outcome(e, false, null, null, null);
        }
        Firing firstAlert = during.getFirst();
        Instant fired = firstAlert.fired().isBefore(e.start()) ? e.start() : firstAlert.fired();
        Double before = budget > 0 ? counts.bad(counts.index(e.start()), counts.index(fired)) / budget : null;
        Firing lastAlert = during.getLast();
        Duration reset = lastAlert.resolved() == null ? null : Duration.between(e.end(), lastAlert.resolved());
        return new Report.Outcome(e, true, Duration.between(e.start(), fired), before, reset);
    }

    /** Overlapping or touching firings as one, by start. */
    static List<Firing> union(List<Firing> firings, Instant to) {
        List<Firing> sorted = new ArrayList<>(firings);
        sorted.sort(Comparator.comparing(Firing::fired));
        List<Firing> out = new ArrayList<>();
        for (Firing f : sorted) {
            if (!out.isEmpty() && !f.fired().isAfter(end(out.getLast(), to))) {
                Firing last = out.removeLast();
                Instant lastEnd = end(last, to);
                Instant fEnd = end(f, to);
                Instant resolved = last.resolved() == null || f.resolved() == null ? null
                        : (fEnd.isAfter(lastEnd) ? f.resolved() : last.resolved());
                out.add(new Firing(last.fired(), resolved));
            } else {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    private static Instant end(Firing f, Instant to) {
        return f.resolved() == null ? to : f.resolved();
    }
}
