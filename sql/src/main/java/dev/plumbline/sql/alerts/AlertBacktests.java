package dev.plumbline.sql.alerts;

import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.catalog.Objective;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A backtest as the API and the pages run it: the minutes of the objective's service (or slice) from the store, the
 * incidents annotated for it, the bad episodes ({@link BadEpisodes}), and every candidate replayed ({@link Backtest}).
 * Incidents count when they are about the service as a whole, or, for a customer or segment, about one of its
 * customers.
 */
public final class AlertBacktests {

    private final AlertHistoryStore history;
    private final AnnotationStore annotations;

    public AlertBacktests(AlertHistoryStore history, AnnotationStore annotations) {
        this.history = history;
        this.annotations = annotations;
    }

    /**
     * What to replay.
     *
     * @param from the first evaluation is at from + 1 minute...
     * @param to   ...the last at to (whole minutes)
     */
    public record Request(Objective objective, AlertSlice slice, Instant from, Instant to, List<AlertPolicy> candidates,
                          ReportSettings settings) {

        public Request {
            Objects.requireNonNull(objective, "objective");
            slice = slice == null ? AlertSlice.SERVICE : slice;
            candidates = List.copyOf(candidates);
            settings = settings == null ? ReportSettings.DEFAULT : settings;
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("candidates: at least one");
            }
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("from: " + from + " is not before to " + to);
            }
        }

        /** The longest window of any candidate: how far before {@code from} the minutes are read. */
        public Duration lookback() {
            return candidates.stream().map(AlertPolicy::lookback).max(Duration::compareTo).orElseThrow();
        }
    }

    /** A backtest's outcome: the minutes it read, the bad episodes, one report per candidate (in their order). */
    public record Result(Request request, AlertHistory history, List<BadEpisodes.Incident> incidents,
                         List<BadEpisode> episodes, List<Report> reports) {

        /** The chart of this backtest, at most {@code maxPoints} points per window. */
        public BurnChart chart(int maxPoints) {
            return BurnChart.of(history.counts(), request.objective().target(), request.from(), request.to(),
                    request.candidates(), reports, incidents, maxPoints);
        }
    }

    public Result run(Request r) {
        Objective o = r.objective();
        AlertHistory minutes = history.minutes(o, r.slice(), r.from(), r.to(), r.lookback());
        List<BadEpisodes.Incident> incidents = incidents(r);
        Duration period = Presets.period(o.window());
        List<BadEpisode> episodes = BadEpisodes.find(minutes.counts(), o.target(), period, r.from(), r.to(), incidents);
        List<Report> reports = Backtest.run(minutes.counts(), o.target(), period, r.from(), r.to(), r.candidates(),
                episodes, r.settings());
        return new Result(r, minutes, incidents, episodes, reports);
    }

    private List<BadEpisodes.Incident> incidents(Request r) {
        Set<String> customers = new HashSet<>(history.sliceCustomers(r.objective().service(), r.slice()));
        customers.add("");
        // a moment's incident counts for an hour: one that starts up to an hour before the range may reach into it
        return annotations.find(r.from().minus(Duration.ofHours(1)), r.to(), r.objective().service(), "",
                        AnnotationKind.INCIDENT, 10_000).stream()
                .filter(a -> customers.contains(a.customer()))
                .map(AlertBacktests::incident).toList();
    }

    private static BadEpisodes.Incident incident(Annotation a) {
        return new BadEpisodes.Incident(a.startsAt(), a.endsAt(), a.text());
    }
}
