package dev.plumbline.collectors.prometheus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Prometheus-compatible source (Prometheus, Thanos, Mimir, VictoriaMetrics: same query API).
 *
 * @param name          how Plumbline names it: the source column of stored telemetry, watermarks, metrics
 * @param url           base URL; /api/v1/query_range is appended
 * @param names         metric and label names
 * @param authorization the Authorization header value (basic or bearer), if any; never logged
 * @param chunk         how much time one query covers (bounded backfills)
 * @param timeout       per HTTP request
 * @param delay         how far behind now collection stays, so the scraper has written the minute
 */
public record PrometheusSource(String name, URI url, MetricNames names, Optional<String> authorization,
                               Duration chunk, Duration timeout, Duration delay) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public PrometheusSource {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1-63 lower-case letters, digits or -");
        }
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("source " + name + ": url: must be an http(s) URL, was " + url);
        }
        if (chunk.toMinutes() < 1 || chunk.toMinutes() > 24 * 60 || chunk.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("source " + name + ": chunk: must be whole minutes between 1m and 24h, was " + chunk);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("source " + name + ": timeout: must be positive, was " + timeout);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("source " + name + ": delay: must not be negative, was " + delay);
        }
    }

    /** A source with defaults: 1-hour chunks, 30 s timeout, 2 minutes behind now, no authentication. */
    public static PrometheusSource of(String name, URI url, MetricNames names) {
        return new PrometheusSource(name, url, names, Optional.empty(), Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofMinutes(2));
    }

    public PrometheusSource withBasicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new PrometheusSource(name, url, names, Optional.of("Basic " + token), chunk, timeout, delay);
    }

    public PrometheusSource withBearerToken(String token) {
        return new PrometheusSource(name, url, names, Optional.of("Bearer " + token), chunk, timeout, delay);
    }

    public PrometheusSource withChunk(Duration newChunk) {
        return new PrometheusSource(name, url, names, authorization, newChunk, timeout, delay);
    }

    public PrometheusSource withDelay(Duration newDelay) {
        return new PrometheusSource(name, url, names, authorization, chunk, timeout, newDelay);
    }

    @Override
    public String toString() {   // never the credentials
        return "PrometheusSource[" + name + " " + url + (authorization.isPresent() ? " (authenticated)" : "") + "]";
    }
}
