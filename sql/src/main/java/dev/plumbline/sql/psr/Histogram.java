package dev.plumbline.sql.psr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A latency histogram: bucket upper bounds in seconds (ascending, the last +Inf) and the requests per bucket (not
 * cumulative). Percentiles come from a merged histogram, never from averaging percentiles.
 */
public record Histogram(List<Double> le, List<Double> counts) {

    public Histogram {
        le = List.copyOf(le);
        counts = List.copyOf(counts);
        if (le.size() != counts.size()) {
            throw new IllegalArgumentException(le.size() + " bucket bounds but " + counts.size() + " counts");
        }
    }

    public static final Histogram EMPTY = new Histogram(List.of(), List.of());

    public double total() {
        return counts.stream().mapToDouble(Double::doubleValue).sum();
    }

    public boolean isEmpty() {
        return le.isEmpty() || total() <= 0;
    }

    /** Adds another histogram with the same bounds; a different layout cannot be merged. */
    public Histogram merge(Histogram other) {
        if (isEmpty() && le.isEmpty()) {
            return other;
        }
        if (other.le.isEmpty()) {
            return this;
        }
        if (!le.equals(other.le)) {
            throw new IllegalArgumentException("histograms with different bucket bounds cannot be merged: " + le + " and " + other.le);
        }
        List<Double> sum = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            sum.add(counts.get(i) + other.counts.get(i));
        }
        return new Histogram(le, sum);
    }

    /**
     * The q-quantile in seconds, as Prometheus' {@code histogram_quantile} computes it: find the bucket where the
     * cumulative count reaches q x total, interpolate linearly between its lower bound (0 for the first bucket) and
     * its upper bound; in the +Inf bucket, the highest finite bound. Null for an empty histogram.
     */
    public Double quantile(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile must be between 0 and 1, was " + q);
        }
        double total = total();
        if (le.size() < 2 || !(total > 0)) {
            return null;
        }
        double rank = q * total;
        int last = le.size() - 1;
        double cumulative = 0;
        double previous = 0;
        for (int i = 0; i < last; i++) {
            previous = cumulative;
            cumulative += counts.get(i);
            if (cumulative >= rank) {
                double upper = le.get(i);
                if (i == 0 && upper <= 0) {
                    return upper;
                }
                double lower = i == 0 ? 0 : le.get(i - 1);
                return lower + (upper - lower) * ((rank - previous) / counts.get(i));
            }
        }
        return le.get(last - 1);
    }

    /**
     * The share of requests slower than {@code thresholdSeconds}: exact when the threshold is a bucket bound; inside
     * a bucket, linear interpolation; requests in the +Inf bucket count as slower. Null for an empty histogram.
     */
    public Double shareAbove(double thresholdSeconds) {
        double total = total();
        if (le.isEmpty() || !(total > 0)) {
            return null;
        }
        double above = 0;
        for (int i = 0; i < le.size(); i++) {
            double hi = le.get(i);
            double lo = i == 0 ? 0 : le.get(i - 1);
            double n = counts.get(i);
            if (hi <= thresholdSeconds) {
                continue;
            }
            if (lo >= thresholdSeconds || Double.isInfinite(hi)) {
                above += n;
            } else {
                above += n * (hi - thresholdSeconds) / (hi - lo);
            }
        }
        return above / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && le.equals(h.le) && counts.equals(h.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(le, counts);
    }
}
