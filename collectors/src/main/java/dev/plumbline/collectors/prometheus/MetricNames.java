package dev.plumbline.collectors.prometheus;

import java.util.regex.Pattern;

/**
 * Which series a Prometheus-compatible source holds the telemetry in, and under which labels.
 *
 * @param histogram      base name of the latency histogram in seconds (its _bucket and _count series are read)
 * @param errorCounter   counter of requests by status (with its _total suffix), read for errors
 * @param serviceLabel   label naming the service
 * @param customerLabel  label naming the customer (tenant)
 * @param statusLabel    label holding the HTTP status code, on the error counter
 * @param errorStatus    a PromQL regular expression: status values that count as errors
 */
public record MetricNames(String histogram, String errorCounter, String serviceLabel, String customerLabel,
                          String statusLabel, String errorStatus) {

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public MetricNames {
        check("histogram", histogram, METRIC);
        check("error-counter", errorCounter, METRIC);
        check("service-label", serviceLabel, LABEL);
        check("customer-label", customerLabel, LABEL);
        check("status-label", statusLabel, LABEL);
        if (errorStatus == null || errorStatus.isBlank()) {
            throw new IllegalArgumentException("error-status: must be a regular expression such as 5.., was empty");
        }
        try {
            Pattern.compile(errorStatus);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("error-status: not a regular expression: " + e.getDescription());
        }
    }

    /** Plumbline's own names, those of the demo platform. */
    public static MetricNames plumbline() {
        return new MetricNames("http_server_request_duration_seconds", "http_server_requests_total", "service",
                "customer", "status_code", "5..");
    }

    /**
     * OpenTelemetry semantic conventions as the OTLP-to-Prometheus translation writes them: http.server.request.duration
     * with http.response.status_code; the service is resource attribute service.name (job label once promoted).
     */
    public static MetricNames openTelemetry() {
        return new MetricNames("http_server_request_duration_seconds", "http_server_request_duration_seconds_count",
                "service_name", "customer", "http_response_status_code", "5..");
    }

    /** Micrometer's Spring HTTP server names: http.server.requests with status. */
    public static MetricNames micrometer() {
        return new MetricNames("http_server_requests_seconds", "http_server_requests_seconds_count", "application",
                "customer", "status", "5..");
    }

    /** A preset by name: plumbline, opentelemetry or micrometer. */
    public static MetricNames preset(String name) {
        return switch (name) {
            case "plumbline" -> plumbline();
            case "opentelemetry" -> openTelemetry();
            case "micrometer" -> micrometer();
            default -> throw new IllegalArgumentException("preset: unknown '" + name
                    + "'; known: plumbline, opentelemetry, micrometer");
        };
    }

    /** A preset with some of its names replaced (null or blank: the preset's), as a source's configuration gives them. */
    public static MetricNames of(String preset, String histogram, String errorCounter, String serviceLabel,
                                 String customerLabel, String statusLabel, String errorStatus) {
        MetricNames base = preset(preset);
        return new MetricNames(or(histogram, base.histogram()), or(errorCounter, base.errorCounter()),
                or(serviceLabel, base.serviceLabel()), or(customerLabel, base.customerLabel()),
                or(statusLabel, base.statusLabel()), or(errorStatus, base.errorStatus()));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void check(String key, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a valid Prometheus name");
        }
    }
}
