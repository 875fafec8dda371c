package dev.plumbline.collectors.prometheus;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: turns the three range results of one chunk into minutes per slice. A point at time t is the increase over
 * (t - 1m, t], so it is stored as the minute starting at t - 1m. Buckets arrive cumulative (le) and are stored per
 * bucket (differences), so histograms merge by adding. NaN and infinite points are skipped and counted; a histogram
 * without a +Inf bucket is not stored (its counts could not be complete). Minutes with no request are not stored.
 */
public final class MinuteAssembler {

    /**
     * How far a cumulative bucket may fall below the one before it and still be float noise of {@code increase()}'s
     * extrapolation (seen: about 1e-6 relative on a healthy exporter): such a bucket counts 0 without a word; a larger
     * fall is a broken histogram and counted in {@link Anomalies#negativeBuckets}.
     */
    public static final double NOISE = 1e-4;

    /** What the assembly found odd; each is logged by the collector. */
    public record Anomalies(int nonFinitePoints, int seriesWithoutSlice, int histogramsWithoutInf,
                            int negativeBuckets) {
        public boolean any() {
            return nonFinitePoints + seriesWithoutSlice + histogramsWithoutInf + negativeBuckets > 0;
        }
    }

    /** The minutes and what was odd. */
    public record Assembled(List<TelemetryMinute> minutes, Anomalies anomalies) {
    }

    private record Key(String service, String customer) {
    }

    private MinuteAssembler() {
    }

    public static Assembled assemble(String source, MetricNames names, List<Series> buckets, List<Series> requests,
                                     List<Series> errors) {
        int[] odd = new int[4];
        Map<Key, Map<Long, Double>> requestsBy = points(names, requests, odd);
        Map<Key, Map<Long, Double>> errorsBy = points(names, errors, odd);
        Map<Key, TreeMap<Double, Map<Long, Double>>> bucketsBy = new HashMap<>();
        for (Series s : buckets) {
            Key key = key(names, s, odd);
            String le = s.labels().get("le");
            if (key == null || le == null) {
                odd[1] += key == null ? 0 : 1;
                continue;
            }
            double bound;
            try {
                bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            } catch (NumberFormatException e) {
                odd[1]++;
                continue;
            }
            Map<Long, Double> byTime = bucketsBy.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(bound, b -> new HashMap<>());
            for (int i = 0; i < s.times().length; i++) {
                if (Double.isFinite(s.values()[i])) {
                    byTime.put(s.times()[i], s.values()[i]);
                } else {
                    odd[0]++;
                }
            }
        }
        List<TelemetryMinute> out = new ArrayList<>();
        for (var entry : requestsBy.entrySet()) {
            Key key = entry.getKey();
            TreeMap<Double, Map<Long, Double>> histogram = bucketsBy.getOrDefault(key, new TreeMap<>());
            boolean complete = !histogram.isEmpty() && histogram.lastKey() == Double.POSITIVE_INFINITY;
            if (!histogram.isEmpty() && !complete) {
                odd[2]++;
            }
            List<Double> le = complete ? List.copyOf(histogram.keySet()) : List.of();
            for (var point : entry.getValue().entrySet()) {
                double n = point.getValue();
                double e = errorsBy.getOrDefault(key, Map.of()).getOrDefault(point.getKey(), 0.0);
                if (!(n > 0) && !(e > 0)) {
                    continue;
                }
                List<Double> counts = complete ? perBucket(histogram, point.getKey(), odd) : List.of();
                out.add(new TelemetryMinute(key.service(), key.customer(), source,
                        Instant.ofEpochSecond(point.getKey() - 60), n, Math.min(e, n), le, counts, true));
            }
        }
        return new Assembled(out, new Anomalies(odd[0], odd[1], odd[2], odd[3]));
    }

    private static List<Double> perBucket(TreeMap<Double, Map<Long, Double>> histogram, long time, int[] odd) {
        List<Double> counts = new ArrayList<>(histogram.size());
        double previous = 0;
        for (Map<Long, Double> byTime : histogram.values()) {
            double cumulative = byTime.getOrDefault(time, previous);
            double n = cumulative - previous;
            if (n < 0) {
                if (-n > NOISE * previous) {
                    odd[3]++;   // more than noise: the bucket really is below the one before it
                }
                n = 0;
            }
            counts.add(n);
            previous = Math.max(previous, cumulative);
        }
        return counts;
    }

    private static Map<Key, Map<Long, Double>> points(MetricNames names, List<Series> series, int[] odd) {
        Map<Key, Map<Long, Double>> out = new HashMap<>();
        for (Series s : series) {
            Key key = key(names, s, odd);
            if (key == null) {
                continue;
            }
            Map<Long, Double> byTime = out.computeIfAbsent(key, k -> new TreeMap<>());
            for (int i = 0; i < s.times().length; i++) {
                if (Double.isFinite(s.values()[i]) && s.values()[i] >= 0) {
                    byTime.merge(s.times()[i], s.values()[i], Double::sum);
                } else {
                    odd[0]++;
                }
            }
        }
        return out;
    }

    private static Key key(MetricNames names, Series s, int[] odd) {
        String service = s.labels().get(names.serviceLabel());
        String customer = s.labels().get(names.customerLabel());
        if (service == null || service.isEmpty() || customer == null) {
            odd[1]++;
            return null;
        }
        return new Key(service, customer);
    }
}
