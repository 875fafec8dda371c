package dev.plumbline.dashboards.service;

import dev.plumbline.dashboards.chart.TimeChart;
import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.psr.ServiceTrend;
import dev.plumbline.sql.psr.Trends;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Service page's charts from a {@link ServiceTrend}: p95 with its 7-day moving average and the trailing four weeks'
 * band (mean ± 2 standard deviations of the 28 days before), error rate with its moving average, and the ocean chart
 * (requests stacked by customer segment); annotations of the service (or of no service) as marks. Pure.
 */
public final class ServiceCharts {

    private ServiceCharts() {
    }

    /**
     * The axis starts at the first day with telemetry (or {@code from}, whichever is later: no empty months before the
     * data) and holds every day to {@code toExclusive}; a day without telemetry after that is a gap, not a zero. The
     * p95 chart draws the latency objective's threshold ({@code thresholdMs}, null when the service has none).
     */
    public static List<TimeChart> of(ServiceTrend trend, List<Annotation> annotations, LocalDate from,
                                     LocalDate toExclusive, Double thresholdMs) {
        Map<LocalDate, ServiceTrend.Day> byDay = new TreeMap<>();
        trend.days().stream().filter(d -> d.requests() > 0).forEach(d -> byDay.put(d.day(), d));
        LocalDate start = byDay.isEmpty() ? from : java.util.Collections.max(List.of(from, byDay.keySet().iterator().next()));
        List<LocalDate> days = start.isBefore(toExclusive) ? start.datesUntil(toExclusive).toList() : List.of();
        List<TimeChart.Marker> marks = annotations.stream()
                .filter(a -> a.service() == null || a.service().isEmpty() || a.service().equals(trend.service()))
                .map(TimeChart.Marker::of).toList();
        List<Double> p95 = days.stream().map(byDay::get)
                .map(d -> d == null || d.p95Seconds() == null ? null : 1000 * d.p95Seconds()).toList();
        Trends.Band band = Trends.band(p95, 28);
        TimeChart latency = new TimeChart("p95 latency", "ms", days, List.of(new TimeChart.Line("p95", p95),
                new TimeChart.Line("7-day average", Trends.movingAverage(p95, 7))), false,
                new TimeChart.Band("usual range (28 days)", band.lower(), band.upper()), marks,
                thresholdMs == null ? null : new TimeChart.Threshold(thresholdMs,
                        String.format(java.util.Locale.ROOT, "objective %.0f ms", thresholdMs)));
        List<Double> errors = days.stream().map(byDay::get).map(d -> d == null ? null : 100 * d.errorRate()).toList();
        TimeChart errorRate = new TimeChart("Error rate", "%", days, List.of(new TimeChart.Line("error rate", errors),
                new TimeChart.Line("7-day average", Trends.movingAverage(errors, 7))), false, null, marks);
        TreeSet<String> segments = new TreeSet<>();
        Map<LocalDate, Map<String, Double>> bySegment = new TreeMap<>();
        for (ServiceTrend.SegmentDay s : trend.segments()) {
            segments.add(s.segment());
            bySegment.computeIfAbsent(s.day(), d -> new TreeMap<>()).put(s.segment(), s.requests());
        }
        List<TimeChart.Line> ocean = new ArrayList<>();
        for (String segment : segments) {
            ocean.add(new TimeChart.Line(segment, days.stream()
                    .map(d -> bySegment.containsKey(d) ? bySegment.get(d).getOrDefault(segment, 0.0) : null).toList()));
        }
        TimeChart traffic = new TimeChart("Traffic by customer segment", "requests", days, ocean, true, null, marks);
        return List.of(latency, errorRate, traffic);
    }
}
