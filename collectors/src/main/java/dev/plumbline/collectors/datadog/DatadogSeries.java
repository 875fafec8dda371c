package dev.plumbline.collectors.datadog;

import java.util.List;
import java.util.Map;

/**
 * One series of a timeseries answer: its group tags as a map, and its values at the answer's times (null: no data).
 */
public record DatadogSeries(Map<String, String> tags, List<Long> timesMillis, List<Double> values) {
}
