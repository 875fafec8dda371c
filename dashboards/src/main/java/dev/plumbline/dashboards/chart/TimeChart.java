package dev.plumbline.dashboards.chart;

import dev.plumbline.sql.annotation.Annotation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A chart over days, as data: what {@link Chart} draws with ECharts. Views build these from records; no view writes
 * chart JSON.
 *
 * @param unit     the y axis' unit, shown in its name and tooltips (e.g. "ms", "requests", "%")
 * @param stacked  lines are stacked areas (the ocean chart) instead of separate lines
 * @param band     a shaded band between lower and upper (e.g. the trailing four weeks' spread), or null
 * @param markers  vertical marks on days (annotations: deploys, incidents...)
 */
public record TimeChart(String title, String unit, List<LocalDate> days, List<Line> lines, boolean stacked, Band band,
                        List<Marker> markers) {

    public TimeChart {
        days = List.copyOf(days);
        lines = List.copyOf(lines);
        markers = List.copyOf(markers);
        for (Line l : lines) {
            if (l.values().size() != days.size()) {
                throw new IllegalArgumentException(title + ": line " + l.name() + " has " + l.values().size()
                        + " values for " + days.size() + " days");
            }
        }
    }

    /** A named series; null values are gaps. */
    public record Line(String name, List<Double> values) {

        public Line {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    public record Band(String name, List<Double> lower, List<Double> upper) {
    }

    public record Marker(LocalDate day, String label) {

        /** An annotation as a mark on the day it starts (UTC), labelled "kind: text". */
        public static Marker of(Annotation a) {
            return new Marker(LocalDate.ofInstant(a.startsAt(), ZoneOffset.UTC), a.kind().sqlValue() + ": " + a.text());
        }
    }

    public boolean isEmpty() {
        return days.isEmpty() || lines.stream().allMatch(l -> l.values().stream().allMatch(java.util.Objects::isNull));
    }
}
