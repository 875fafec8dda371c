package dev.plumbline.collectors.prometheus;

import java.util.Map;

/**
 * One series of a range query's matrix result.
 *
 * @param times  epoch seconds of each point
 * @param values the points' values (may be NaN or infinite: Prometheus sends "NaN", "+Inf", "-Inf")
 */
public record Series(Map<String, String> labels, long[] times, double[] values) {

    public Series {
        labels = Map.copyOf(labels);
        if (times.length != values.length) {
            throw new IllegalArgumentException(times.length + " times but " + values.length + " values");
        }
    }
}
