package dev.plumbline.sql.explore;

import dev.plumbline.sql.psr.ExploreBy;
import dev.plumbline.sql.psr.ExploreGroup;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PsrEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure per group for a period next to the previous period ({@link Period#previous()}), the worst group first:
 * the highest value, or the lowest for a figure where low is bad ({@link ExploreFigure#lowestFirst()}); groups without
 * a value last, then by label. A group seen only in the previous period is not listed.
 */
public record Exploration(ExploreFigure figure, ExploreBy by, String service, List<Row> rows) {

    public Exploration {
        rows = List.copyOf(rows);
    }

    /**
     * One group.
     *
     * @param value    the figure in the period (null: none, e.g. no histogram to take a percentile from)
     * @param previous the figure in the previous period (null: the group had none then)
     * @param note     why a latency figure is missing ("" when it is not)
     */
    public record Row(String key, String label, Double value, Double previous, double requests, long customers,
                      List<String> services, String note) {

        public Row {
            services = List.copyOf(services);
        }

        /** value - previous; null when either is missing. */
        public Double change() {
            return value == null || previous == null ? null : value - previous;
        }
    }

    /** The groups of the period and of the previous one, paired by key and ordered worst first. */
    public static Exploration of(ExploreFigure figure, ExploreBy by, String service, List<ExploreGroup> now,
                                 List<ExploreGroup> before) {
        Map<String, ExploreGroup> previous = new HashMap<>();
        before.forEach(g -> previous.put(g.key(), g));
        List<Row> rows = new ArrayList<>();
        for (ExploreGroup g : now) {
            ExploreGroup p = previous.get(g.key());
            rows.add(new Row(g.key(), g.label(), figure.of(g), p == null ? null : figure.of(p), g.figures().requests(),
                    g.figures().customers(), g.services(), g.figures().latencyNote()));
        }
        Comparator<Double> byValue = figure.lowestFirst() ? Comparator.naturalOrder() : Comparator.reverseOrder();
        rows.sort(Comparator.comparing(Row::value, Comparator.nullsLast(byValue)).thenComparing(Row::label)
                .thenComparing(Row::key));
        return new Exploration(figure, by, service, rows);
    }

    /** Runs {@code query} for {@code period} (the query's period, read by the caller) through the engine. */
    public static Exploration run(PsrEngine engine, ExploreQuery query, Period period) {
        return of(query.figure(), query.by(), query.service(), engine.explore(period, query.by(), query.service()),
                engine.explore(period.previous(), query.by(), query.service()));
    }
}
