package dev.plumbline.collectors.datadog;

import dev.plumbline.collectors.telemetry.Rejections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One count query's answer checked and summed per slice (service, customer) and minute. Pure. A null point is "no
 * data" and is skipped. Dropped, and counted in {@link #rejected()}: a series without the service or customer tag (the
 * key missing, empty, or Datadog's "N/A"), and values that cannot be a count: NaN or infinite, negative, or above
 * {@code maxPerMinute}. A minute in [from, to) that held such data is in {@link #notCovered()}; a slice's minute with a
 * refused value is in {@link #refused()} and none of its counts are stored (storing its requests without its errors
 * would make it look healthy).
 */
record DatadogCounts(Map<List<String>, TreeMap<Long, Double>> counts, Map<List<String>, Set<Long>> refused,
                     Set<Long> notCovered, Rejections rejected) {

    static DatadogCounts read(List<DatadogSeries> series, String serviceTag, String customerTag, double maxPerMinute,
                              Instant from, Instant to) {
        Map<List<String>, TreeMap<Long, Double>> counts = new HashMap<>();
        Map<List<String>, Set<Long>> refused = new HashMap<>();
        Set<Long> notCovered = new TreeSet<>();
        long untaggedSeries = 0;
        long untaggedValues = 0;
        long notFinite = 0;
        long negative = 0;
        long above = 0;
        List<String> untaggedExamples = new ArrayList<>();
        List<String> refusedExamples = new ArrayList<>();
        for (DatadogSeries s : series) {
            String service = tag(s, serviceTag);
            String customer = tag(s, customerTag);
            List<String> slice = service == null || customer == null ? null : List.of(service, customer);
            boolean counted = false;
            for (int i = 0; i < s.timesMillis().size(); i++) {
                Double v = s.values().get(i);
                long minute = s.timesMillis().get(i) / 60_000 * 60_000;
                boolean inside = minute >= from.toEpochMilli() && minute < to.toEpochMilli();
                if (v == null || !inside) {
                    continue;
                }
                if (slice == null) {
                    untaggedValues++;
                    counted = true;
                    notCovered.add(minute);
                    continue;
                }
                if (!Double.isFinite(v)) {
                    notFinite++;
                } else if (v < 0) {
                    negative++;
                } else if (v > maxPerMinute) {
                    above++;
                } else {
                    counts.computeIfAbsent(slice, k -> new TreeMap<>()).merge(minute, v, Double::sum);
                    continue;
                }
                refused.computeIfAbsent(slice, k -> new HashSet<>()).add(minute);
                notCovered.add(minute);
                if (refusedExamples.size() < 3) {
                    refusedExamples.add(v + " for " + service + "/" + customer + " at " + Instant.ofEpochMilli(minute));
                }
            }
            if (counted) {
                untaggedSeries++;
                if (untaggedExamples.size() < 3) {
                    untaggedExamples.add(s.tags().isEmpty() ? "a series without group tags" : "a series tagged "
                            + String.join(",", s.tags().entrySet().stream().map(t -> t.getKey() + ":" + t.getValue()).toList()));
                }
            }
        }
        return new DatadogCounts(counts, refused, notCovered,
                new Rejections(untaggedSeries, untaggedValues, notFinite, negative, above, 0, untaggedExamples,
                        refusedExamples));
    }

    /** The tag's value, or null when the series lacks it (missing, empty, or Datadog's N/A group). */
    private static String tag(DatadogSeries s, String name) {
        String value = s.tags().get(name);
        if (value == null || value.isBlank() || value.toUpperCase(Locale.ROOT).equals("N/A")) {
            return null;
        }
        return value;
    }
}
