package dev.plumbline.collectors.demo;

/** The demo platform's metric and label names: the defaults of Plumbline's Prometheus collector. */
public final class DemoMetrics {

    public static final String HISTOGRAM = "http_server_request_duration_seconds";
    public static final String REQUESTS_COUNTER = "http_server_requests";
    public static final String SERVICE = "service";
    public static final String CUSTOMER = "customer";
    public static final String STATUS = "status_code";

    private DemoMetrics() {
    }

    static String status(boolean failed) {
        return failed ? "500" : "200";
    }
}
