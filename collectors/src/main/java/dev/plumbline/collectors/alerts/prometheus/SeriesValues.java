package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.alerts.Numbers;
import dev.plumbline.collectors.prometheus.PromQl;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * promtool's input series notation for a counter that starts at 0 at time 0 and grows by one increment a minute:
 * runs of equal increments as {@code a+bxn} (which expands to n + 1 values a, a+b, ..., a+nb), so a week of minutes is
 * a few dozen terms. Sample i (at minute i) is the sum of the first i increments: {@code 0 10+10x2 35} is 0, 10, 20,
 * 30, 35.
 */
public final class SeriesValues {

    private SeriesValues() {
    }

    /** Whole increments only: promtool adds b up n times, which is exact for whole numbers (up to 2^53). */
    public static String encode(double[] increments) {
        for (double d : increments) {
            if (d != Math.rint(d) || d < 0 || d > 1e15) {
                throw new IllegalArgumentException("increments must be whole numbers from 0 to 1e15, was " + d);
            }
        }
        StringBuilder out = new StringBuilder("0");
        double total = 0;
        int i = 0;
        while (i < increments.length) {
            double step = increments[i];
            int run = 1;
            while (i + run < increments.length && increments[i + run] == step) {
                run++;
            }
            double next = total + step;
            out.append(' ').append(Numbers.exact(next));
            if (run > 1) {
                out.append('+').append(Numbers.exact(step)).append('x').append(run - 1);
            }
            total += step * run;
            i += run;
        }
        return out.toString();
    }

    /** {@code name{label="value", ...}} with PromQL string quoting. */
    public static String selector(String metric, Map<String, String> labels) {
        return metric + labels.entrySet().stream().map(e -> e.getKey() + "=" + PromQl.quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
