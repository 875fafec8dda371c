package dev.plumbline.app.metrics;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.UriRouteMatch;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * REST API requests as self-metrics: {@value #REQUESTS}, a histogram by method, route template (not the raw path,
 * which would make a series per service name) and status.
 */
@ServerFilter("/api/**")
public class HttpMetricsFilter {

    static final String REQUESTS = "plumbline_http_server_request_duration_seconds";
    private static final String START = HttpMetricsFilter.class.getName() + ".start";

    private final Histogram duration;

    public HttpMetricsFilter(PrometheusRegistry registry) {
        duration = Histogram.builder().name(REQUESTS)
                .help("REST API requests, by method, route template and status")
                .labelNames("method", "route", "status").register(registry);
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long start = request.getAttribute(START, Long.class).orElse(System.nanoTime());
        String route = request.getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class)
                .map(m -> m.getRouteInfo().getUriMatchTemplate().toString())
                .orElse("unmatched");
        duration.labelValues(request.getMethodName(), route, Integer.toString(response.code()))
                .observe((System.nanoTime() - start) / 1e9);
    }
}
