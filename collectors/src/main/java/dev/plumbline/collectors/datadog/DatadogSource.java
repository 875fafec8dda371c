package dev.plumbline.collectors.datadog;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A Datadog account to collect from through the v2 timeseries query API.
 *
 * @param name           how Plumbline names it (source column, watermark, metrics)
 * @param url            the site's API base URL, e.g. https://api.datadoghq.com or https://api.datadoghq.eu
 * @param apiKey         DD-API-KEY; never logged
 * @param appKey         DD-APPLICATION-KEY; never logged
 * @param requestsMetric a count metric of requests, e.g. trace.http.request.hits
 * @param errorsMetric   a count metric of failed requests, e.g. trace.http.request.errors
 * @param serviceTag     the tag naming the service
 * @param customerTag    the tag naming the customer
 * @param filter         the scope, e.g. env:prod ("*" for all)
 * @param maxPerMinute   the largest count one series (a service and customer) may report for one minute; a larger
 *                       value is refused as a source error, not stored (1e9 by default: 16.7 million requests a
 *                       second from one customer to one service)
 */
public record DatadogSource(String name, URI url, String apiKey, String appKey, String requestsMetric,
                            String errorsMetric, String serviceTag, String customerTag, String filter, Duration chunk,
                            Duration timeout, Duration delay, double maxPerMinute) {

    /** The default {@link #maxPerMinute()}. */
    public static final double DEFAULT_MAX_PER_MINUTE = 1e9;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.]*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.:/-]*");

    public DatadogSource {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1-63 lower-case letters, digits or -");
        }
        String where = "source " + name + ": ";
        if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException(where + "url: must be an http(s) URL, was " + url);
        }
        if (apiKey == null || apiKey.isBlank() || appKey == null || appKey.isBlank()) {
            throw new IllegalArgumentException(where + "api-key and app-key are required");
        }
        check(where + "requests-metric", requestsMetric, METRIC);
        check(where + "errors-metric", errorsMetric, METRIC);
        check(where + "service-tag", serviceTag, TAG);
        check(where + "customer-tag", customerTag, TAG);
        if (filter == null || filter.isBlank() || filter.contains("}") || filter.contains("{")) {
            throw new IllegalArgumentException(where + "filter: a Datadog scope such as env:prod or *, was '" + filter + "'");
        }
        if (chunk.toMinutes() < 1 || chunk.toMinutes() > 24 * 60 || chunk.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException(where + "chunk: must be whole minutes between 1m and 24h, was " + chunk);
        }
        if (!(maxPerMinute >= 1) || Double.isInfinite(maxPerMinute)) {
            throw new IllegalArgumentException(where + "max-per-minute: must be a finite count of at least 1, was "
                    + maxPerMinute);
        }
        if (timeout.isNegative() || timeout.isZero() || delay.isNegative()) {
            throw new IllegalArgumentException(where + "timeout must be positive and delay not negative");
        }
    }

    /** APM's trace metrics, service and customer tags, all environments; 1-hour chunks, 30 s timeout, 3 minutes behind. */
    public static DatadogSource of(String name, URI url, String apiKey, String appKey) {
        return new DatadogSource(name, url, apiKey, appKey, "trace.http.request.hits", "trace.http.request.errors",
                "service", "customer", "*", Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(3),
                DEFAULT_MAX_PER_MINUTE);
    }

    /** The per-minute count query, grouped by service and customer. */
    String countQuery(String metric) {
        return "sum:" + metric + "{" + filter + "} by {" + serviceTag + "," + customerTag + "}.as_count()";
    }

    private static void check(String key, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a valid Datadog name");
        }
    }

    @Override
    public String toString() {   // never the keys
        return "DatadogSource[" + name + " " + url + "]";
    }
}
