package dev.plumbline.sql.psr;

import java.util.ArrayList;
import java.util.List;

/**
 * Smoothing and a significance band for daily series. Pure. Missing values (null) are skipped, never taken as 0.
 * <ul>
 *   <li>moving average: the mean of the last {@code window} days up to and including the day (none on a day
 *       without a value, so the line stops where the data stops);</li>
 *   <li>band: mean ± 2 standard deviations of the {@code window} days before the day (not the day itself): a day
 *       outside it is unusual against the trailing four weeks when window is 28. Null until 7 earlier values.</li>
 * </ul>
 */
public final class Trends {

    private Trends() {
    }

    public static List<Double> movingAverage(List<Double> values, int window) {
        List<Double> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                out.add(null);
                continue;
            }
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                if (values.get(j) != null) {
                    sum += values.get(j);
                    n++;
                }
            }
            out.add(n == 0 ? null : sum / n);
        }
        return out;
    }

    /** Lower and upper bound per day; nulls where fewer than 7 earlier values exist. */
    public record Band(List<Double> lower, List<Double> upper) {
    }

    public static Band band(List<Double> values, int window) {
        List<Double> lower = new ArrayList<>(values.size());
        List<Double> upper = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int j = Math.max(0, i - window); j < i; j++) {
                Double v = values.get(j);
                if (v != null) {
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            if (n < 7) {
                lower.add(null);
                upper.add(null);
                continue;
            }
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
            lower.add(mean - 2 * sd);
            upper.add(mean + 2 * sd);
        }
        return new Band(lower, upper);
    }
}
