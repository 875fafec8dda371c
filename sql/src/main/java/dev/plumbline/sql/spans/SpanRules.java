package dev.plumbline.sql.spans;

import dev.plumbline.sql.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which spans count and how: the choices a spans source is configured with, bound into its schema's queries as
 * parameters (never into their text).
 *
 * @param requests           which spans are requests: {@code server} (span kind server) or {@code root} (no parent)
 * @param customerAttribute  the attribute naming the customer, e.g. tenant.id
 * @param customerInResource true when it is a resource attribute, false for a span attribute
 * @param errorRule          {@code status} (the span's status code is error) or {@code http-status} (the HTTP status
 *                           attribute is within [httpErrorMin, httpErrorMax])
 * @param httpStatusAttribute the span attribute holding the HTTP status, e.g. http.response.status_code
 * @param sampling           {@code none}; {@code adjusted-count} (the attribute says how many spans this one stands
 *                           for, at least 1); {@code probability} (the attribute is the chance the span was kept, in
 *                           (0, 1]: it stands for 1/p spans). A span without the attribute counts 1; one whose value
 *                           cannot be read counts 1 and is counted as unreadable
 * @param boundsSeconds      latency bucket upper bounds in seconds, ascending; +Inf is added
 */
public record SpanRules(String requests, String customerAttribute, boolean customerInResource, String errorRule,
                        String httpStatusAttribute, int httpErrorMin, int httpErrorMax, String sampling,
                        String samplingAttribute, boolean samplingInResource, List<Double> boundsSeconds) {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:/-]{0,199}");
    /** The most bounds a source may have: the catalog's thresholds are added to the configured ones. */
    public static final int MAX_BOUNDS = 64;

    public SpanRules {
        requests = lower(requests);
        errorRule = lower(errorRule);
        sampling = lower(sampling);
        if (!List.of("server", "root").contains(requests)) {
            throw new IllegalArgumentException("requests: '" + requests + "' must be server (server spans) or root (root spans)");
        }
        attribute("customer-attribute", customerAttribute);
        if (!List.of("status", "http-status").contains(errorRule)) {
            throw new IllegalArgumentException("error-rule: '" + errorRule + "' must be status or http-status");
        }
        attribute("http-status-attribute", httpStatusAttribute);
        if (httpErrorMin < 100 || httpErrorMax > 599 || httpErrorMin > httpErrorMax) {
            throw new IllegalArgumentException("http-error-min, http-error-max: an HTTP status range within 100-599, was "
                    + httpErrorMin + "-" + httpErrorMax);
        }
        if (!List.of("none", "adjusted-count", "probability").contains(sampling)) {
            throw new IllegalArgumentException("sampling: '" + sampling + "' must be none, adjusted-count or probability");
        }
        attribute("sampling-attribute", samplingAttribute);
        boundsSeconds = List.copyOf(boundsSeconds);
        if (boundsSeconds.isEmpty() || boundsSeconds.size() > MAX_BOUNDS) {
            throw new IllegalArgumentException("latency-buckets: 1 to " + MAX_BOUNDS + " bounds, was " + boundsSeconds.size());
        }
        for (int i = 0; i < boundsSeconds.size(); i++) {
            double b = boundsSeconds.get(i);
            if (!(b > 0) || Double.isInfinite(b) || b > 86_400) {
                throw new IllegalArgumentException("latency-buckets: " + b + " s is not a bound (more than 0, at most a day)");
            }
            if (i > 0 && !(b > boundsSeconds.get(i - 1))) {
                throw new IllegalArgumentException("latency-buckets: bounds must ascend, " + boundsSeconds.get(i - 1)
                        + " then " + b);
            }
            if (nanos(b) % 1_000 != 0) {
                throw new IllegalArgumentException("latency-buckets: " + b + " s is finer than a microsecond");
            }
        }
    }

    /** Server spans, customer in span attribute {@code customer}, errors by status code, no sampling. */
    public static SpanRules of(String customerAttribute, List<Double> boundsSeconds) {
        return new SpanRules("server", customerAttribute, false, "status", "http.response.status_code", 500, 599,
                "none", "sampling.adjusted_count", false, boundsSeconds);
    }

    /** These rules with more bounds (e.g. the catalog's latency thresholds), merged in order, repeats once. */
    public SpanRules withBounds(List<Double> more) {
        java.util.TreeSet<Double> all = new java.util.TreeSet<>(boundsSeconds);
        all.addAll(more);
        return new SpanRules(requests, customerAttribute, customerInResource, errorRule, httpStatusAttribute,
                httpErrorMin, httpErrorMax, sampling, samplingAttribute, samplingInResource, new ArrayList<>(all));
    }

    /** The bounds as stored with each minute: seconds, ascending, +Inf last. */
    public List<Double> storedBounds() {
        List<Double> out = new ArrayList<>(boundsSeconds);
        out.add(Double.POSITIVE_INFINITY);
        return List.copyOf(out);
    }

    /** The bounds in whole nanoseconds, as spans' durations are kept. */
    public long[] boundsNanos() {
        return boundsSeconds.stream().mapToLong(SpanRules::nanos).toArray();
    }

    Params params() {
        return Params.of("requests", requests)
                .and("customer_key", customerAttribute).and("customer_in_resource", customerInResource)
                .and("error_rule", errorRule).and("http_status_key", httpStatusAttribute)
                .and("http_error_min", httpErrorMin).and("http_error_max", httpErrorMax)
                .and("sampling", sampling).and("weight_key", samplingAttribute)
                .and("weight_in_resource", samplingInResource)
                .and("bounds_ns", boundsNanos());
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static void attribute(String key, String value) {
        if (value == null || !ATTRIBUTE.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not an attribute name (letters, digits, . _ : / -)");
        }
    }
}
