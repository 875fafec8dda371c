package dev.plumbline.collectors.alerts.datadog;

import dev.plumbline.collectors.datadog.DatadogSource;

/**
 * Which Datadog metrics and tags a service's requests are counted in, as a Datadog source of Plumbline reads them.
 *
 * @param requestsMetric a count metric of requests
 * @param errorsMetric   a count metric of failed requests
 * @param serviceTag     the tag naming the service
 * @param filter         the scope (e.g. {@code env:prod}), {@code *} for all
 */
public record DatadogNames(String requestsMetric, String errorsMetric, String serviceTag, String filter) {

    /** The names of a configured source. */
    public static DatadogNames of(DatadogSource source) {
        return new DatadogNames(source.requestsMetric(), source.errorsMetric(), source.serviceTag(), source.filter());
    }

    /** Datadog APM's request counts, as a source reads them by default. */
    public static DatadogNames defaults() {
        return new DatadogNames("trace.http.request.hits", "trace.http.request.errors", "service", "*");
    }

    /** The scope of one service: {@code {service:search}} or {@code {service:search,env:prod}}. */
    public String scope(String service) {
        return "{" + serviceTag + ":" + service + (filter.equals("*") ? "" : "," + filter) + "}";
    }
}
