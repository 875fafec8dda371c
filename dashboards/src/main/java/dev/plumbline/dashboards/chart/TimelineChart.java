package dev.plumbline.dashboards.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A chart over instants (minutes to months), as data: what {@link Chart} draws with ECharts. The lines share the
 * times; thresholds are horizontal lines across them; marks are vertical lines at an instant, shaded to their end
 * when they have one; lanes are rows under the chart, one per name, with a band wherever something was on (an alert
 * firing). Views build these from records; no view writes chart JSON.
 *
 * @param unit the y axis' unit (e.g. "x budget")
 * @param from the axis starts here...
 * @param to   ...and ends here; a band without an end runs to it
 */
public record TimelineChart(String title, String unit, Instant from, Instant to, List<Instant> times, List<Line> lines,
                            List<Threshold> thresholds, List<Mark> marks, List<Lane> lanes) {

    public TimelineChart {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        times = List.copyOf(times);
        lines = List.copyOf(lines);
        thresholds = List.copyOf(thresholds);
        marks = List.copyOf(marks);
        lanes = List.copyOf(lanes);
        for (Line l : lines) {
            if (l.values().size() != times.size()) {
                throw new IllegalArgumentException(title + ": line " + l.name() + " has " + l.values().size()
                        + " values for " + times.size() + " times");
            }
        }
    }

    /** A named series, one value per time; null values are gaps. */
    public record Line(String name, List<Double> values) {

        public Line {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** A horizontal line at {@code value}, e.g. a rule's burn-rate threshold. */
    public record Threshold(String label, double value) {
    }

    /** A vertical mark at {@code at}, shaded up to {@code until} when that is not null (an incident). */
    public record Mark(String label, Instant at, Instant until) {
    }

    /** A row under the chart with a band for each interval (e.g. a candidate's firings). */
    public record Lane(String name, List<Interval> intervals) {

        public Lane {
            intervals = List.copyOf(intervals);
        }
    }

    /** From {@code start} to {@code end}; a null end runs to the end of the axis. */
    public record Interval(Instant start, Instant end) {
    }

    /** Nothing to draw: no time, or every value of every line a gap. */
    public boolean isEmpty() {
        return times.isEmpty() || lines.stream().allMatch(l -> l.values().stream().allMatch(Objects::isNull));
    }
}
