package dev.plumbline.sql.psr;

import java.time.LocalDate;
import java.util.List;

/**
 * A service's days: what the Service page charts.
 *
 * @param days     per day: requests, error rate, p95 (null when the day's histograms cannot be merged)
 * @param segments per day and customer segment: requests (the ocean chart)
 */
public record ServiceTrend(String service, List<Day> days, List<SegmentDay> segments) {

    public ServiceTrend {
        days = List.copyOf(days);
        segments = List.copyOf(segments);
    }

    public record Day(LocalDate day, double requests, double errors, double errorRate, Double p95Seconds) {
    }

    public record SegmentDay(LocalDate day, String segment, double requests) {
    }
}
