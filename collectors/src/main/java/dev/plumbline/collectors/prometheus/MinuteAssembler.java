package dev.plumbline.collectors.prometheus;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Columns times = Columns.of(buckets, requests, errors);
        Map<Key, double[]> requestsBy = points(names, requests, times, odd);
        Map<Key, double[]> errorsBy = points(names, errors, times, odd);
        // per slice, per bucket bound (ascending), the cumulative count at each time; NaN where the bucket has no point
        Map<Key, TreeMap<Double, double[]>> bucketsBy = new HashMap<>();
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
            double[] byTime = bucketsBy.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(bound, b -> absent(times.size()));
            for (int i = 0; i < s.times().length; i++) {
                if (Double.isFinite(s.values()[i])) {
                    byTime[times.of(s.times()[i])] = s.values()[i];
                } else {
                    odd[0]++;
                }
            }
        }
        List<TelemetryMinute> out = new ArrayList<>();
        for (var entry : requestsBy.entrySet()) {
            Key key = entry.getKey();
            TreeMap<Double, double[]> histogram = bucketsBy.getOrDefault(key, new TreeMap<>());
            boolean complete = !histogram.isEmpty() && histogram.lastKey() == Double.POSITIVE_INFINITY;
            if (!histogram.isEmpty() && !complete) {
                odd[2]++;
            }
            List<Double> le = complete ? List.copyOf(histogram.keySet()) : List.of();
            double[][] cumulative = histogram.values().toArray(new double[0][]);
            double[] keyErrors = errorsBy.get(key);
            double[] keyRequests = entry.getValue();
            for (int t = 0; t < times.size(); t++) {
                double n = keyRequests[t];
                if (Double.isNaN(n)) {
                    continue;   // no point of the request counter at this time
                }
                double e = keyErrors == null || Double.isNaN(keyErrors[t]) ? 0.0 : keyErrors[t];
                if (!(n > 0) && !(e > 0)) {
                    continue;
                }
                List<Double> counts = complete ? perBucket(cumulative, t, odd) : List.of();
                out.add(new TelemetryMinute(key.service(), key.customer(), source,
                        Instant.ofEpochSecond(times.time(t) - 60), n, Math.min(e, n), le, counts, true));
            }
        }
        return new Assembled(out, new Anomalies(odd[0], odd[1], odd[2], odd[3]));
    }

    /**
     * The columns of the per-slice arrays: every minute from the first point to the last (a range query's 1-minute
     * steps, remote read's minutes), so that a point's column is a subtraction, not a lookup in a map.
     */
    private record Columns(long first, int size) {

        static Columns of(List<Series> buckets, List<Series> requests, List<Series> errors) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (List<Series> kind : List.of(buckets, requests, errors)) {
                for (Series s : kind) {
                    for (long t : s.times()) {
                        min = Math.min(min, t);
                        max = Math.max(max, t);
                    }
                }
            }
            return min > max ? new Columns(0, 0) : new Columns(min, Math.toIntExact((max - min) / 60 + 1));
        }

        int of(long time) {
            if (Math.floorMod(time - first, 60L) != 0) {
                throw new IllegalArgumentException("a point at " + Instant.ofEpochSecond(time)
                        + " is not on the minute steps of the one at " + Instant.ofEpochSecond(first));
            }
            return (int) ((time - first) / 60);
        }

        long time(int column) {
            return first + 60L * column;
        }
    }

    private static double[] absent(int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static List<Double> perBucket(double[][] cumulativeByBound, int time, int[] odd) {
        Double[] counts = new Double[cumulativeByBound.length];
        double previous = 0;
        for (int b = 0; b < cumulativeByBound.length; b++) {
            double cumulative = cumulativeByBound[b][time];
            if (Double.isNaN(cumulative)) {
                cumulative = previous;   // a bucket with no point here counts nothing more than the one below it
            }
            double n = cumulative - previous;
            if (n < 0) {
                if (-n > NOISE * previous) {
                    odd[3]++;   // more than noise: the bucket really is below the one before it
                }
                n = 0;
            }
            counts[b] = n;
            previous = Math.max(previous, cumulative);
        }
        return List.of(counts);
    }

    /** Per slice, the sum of its series' points at each time; NaN at a time none of them has a point. */
    private static Map<Key, double[]> points(MetricNames names, List<Series> series, Columns times, int[] odd) {
        Map<Key, double[]> out = new LinkedHashMap<>();
        for (Series s : series) {
            Key key = key(names, s, odd);
            if (key == null) {
                continue;
            }
            double[] byTime = out.computeIfAbsent(key, k -> absent(times.size()));
            for (int i = 0; i < s.times().length; i++) {
                if (Double.isFinite(s.values()[i]) && s.values()[i] >= 0) {
                    int t = times.of(s.times()[i]);
                    byTime[t] = Double.isNaN(byTime[t]) ? s.values()[i] : byTime[t] + s.values()[i];
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
