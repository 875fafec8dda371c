package dev.plumbline.collectors.prometheus;

/**
 * The three queries a collection cycle sends per time chunk, whatever the number of customers and services: each
 * groups by service and customer (and le for buckets) in ONE query, at a 1-minute step; increase() over [1m] gives
 * the minute that ends at each step and handles counter resets.
 */
public final class PromQl {

    private PromQl() {
    }

    public static String buckets(MetricNames n) {
        return "sum by (" + n.serviceLabel() + ", " + n.customerLabel() + ", le) (increase(" + n.histogram()
                + "_bucket[1m]))";
    }

    public static String requests(MetricNames n) {
        return "sum by (" + n.serviceLabel() + ", " + n.customerLabel() + ") (increase(" + n.histogram()
                + "_count[1m]))";
    }

    public static String errors(MetricNames n) {
        return "sum by (" + n.serviceLabel() + ", " + n.customerLabel() + ") (increase(" + n.errorCounter() + "{"
                + n.statusLabel() + "=~" + quote(n.errorStatus()) + "}[1m]))";
    }

    /** A PromQL double-quoted string literal. */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
