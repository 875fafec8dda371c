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
 * @param threshold a horizontal line (an objective's threshold), or null
 */
public record TimeChart(String title, String unit, List<LocalDate> days, List<Line> lines, boolean stacked, Band band,
                        List<Marker> markers, Threshold threshold) {

    /** A chart without a threshold line. */
    public TimeChart(String title, String unit, List<LocalDate> days, List<Line> lines, boolean stacked, Band band,
                     List<Marker> markers) {
        this(title, unit, days, lines, stacked, band, markers, null);
    }

    /** A horizontal line at {@code value} (in the chart's unit), labelled. */
    public record Threshold(double value, String label) {
    }

    /**
     * The y axis' range for unstacked lines: every value, the band and the threshold inside it; without a threshold at
     * least a tenth of the largest magnitude wide (so 1,895.7-1,895.9 ms of noise is not drawn as a spike), with one a
     * quarter of the span of values and threshold on each side (so 99.3-99.9% against 99.77% stays readable); widened to
     * round numbers;
     * never below 0 when nothing is, never above 100 for shares in % that are not. All zeros: 0 to 1. Null (ECharts
     * decides) when there is nothing to draw or the lines are stacked. Pure.
     */
    public double[] axisRange() {
        List<Double> all = new java.util.ArrayList<>();
        lines.forEach(l -> l.values().stream().filter(java.util.Objects::nonNull).forEach(all::add));
        if (band != null) {
            band.lower().stream().filter(java.util.Objects::nonNull).forEach(all::add);
            band.upper().stream().filter(java.util.Objects::nonNull).forEach(all::add);
        }
        if (threshold != null) {
            all.add(threshold.value());
        }
        all.removeIf(v -> !Double.isFinite(v));
        if (stacked || all.isEmpty()) {
            return null;
        }
        double lo = all.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = all.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (lo == 0 && hi == 0) {
            return new double[] {0, 1};
        }
        // with a threshold, its distance to the values is what matters: a quarter of the span around both; without
        // one, a tenth of the values' magnitude, so steady noise reads as steady
        double need = threshold != null ? 1.5 * (hi - lo) : Math.max(Math.abs(lo), Math.abs(hi)) / 10;
        if (hi - lo < need) {
            double mid = (hi + lo) / 2;
            lo = mid - need / 2;
            hi = mid + need / 2;
        }
        if ("%".equals(unit) && all.stream().allMatch(v -> v <= 100) && hi > 100) {   // a share never passes 100%
            lo -= hi - 100;
            hi = 100;
        }
        boolean nonNegative = all.stream().allMatch(v -> v >= 0);
        if (nonNegative && lo < 0) {
            hi -= lo;
            lo = 0;
        }
        java.math.BigDecimal step = java.math.BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(hi - lo)))
                .divide(java.math.BigDecimal.valueOf(2));
        lo = java.math.BigDecimal.valueOf(lo).divide(step, 0, java.math.RoundingMode.FLOOR).multiply(step).doubleValue();
        hi = java.math.BigDecimal.valueOf(hi).divide(step, 0, java.math.RoundingMode.CEILING).multiply(step).doubleValue();
        return new double[] {lo, hi};
    }

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
