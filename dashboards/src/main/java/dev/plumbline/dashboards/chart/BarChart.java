package dev.plumbline.dashboards.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A chart of bars over named categories (services, say), as data: what {@link Chart} draws with ECharts on a page and
 * {@link PdfChart} draws into a PDF. Views build these from records; no view writes chart JSON.
 *
 * @param unit      the value axis' unit (e.g. "%")
 * @param series    one bar per category in each series (e.g. this month and the previous one); null values are gaps
 * @param threshold a horizontal line across the bars (e.g. the whole error budget at 100%), or null
 */
public record BarChart(String title, String unit, List<String> categories, List<Bars> series, Threshold threshold) {

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Bars b : series) {
            if (b.values().size() != categories.size()) {
                throw new IllegalArgumentException(title + ": series " + b.name() + " has " + b.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    public record Bars(String name, List<Double> values) {

        public Bars {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public record Threshold(String label, double value) {
    }

    public boolean isEmpty() {
        return categories.isEmpty() || series.stream().allMatch(b -> b.values().stream().allMatch(Objects::isNull));
    }

    /** The value axis' top when the bars stay below the threshold (so the threshold stays in sight), else null: auto. */
    public Double axisMax() {
        if (threshold == null) {
            return null;
        }
        double highest = series.stream().flatMap(b -> b.values().stream()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        return highest < threshold.value() ? 1.2 * threshold.value() : null;
    }
}
