package dev.plumbline.app.config;

import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.PrometheusSource;
import dev.plumbline.collectors.prometheus.ReadPath;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One Prometheus-compatible source: plumbline.collectors.prometheus.NAME.* (environment
 * PLUMBLINE_COLLECTORS_PROMETHEUS_NAME_URL and so on). Names start from a preset (plumbline, opentelemetry,
 * micrometer); each can be overridden. Credentials: username + password (basic) or bearer-token; never logged.
 */
@EachProperty(PrometheusSourceProperties.PREFIX)
public record PrometheusSourceProperties(@Parameter String name,
                                         @Nullable String url,
                                         @Bindable(defaultValue = "plumbline") String preset,
                                         @Nullable String histogram,
                                         @Nullable String errorCounter,
                                         @Nullable String serviceLabel,
                                         @Nullable String customerLabel,
                                         @Nullable String statusLabel,
                                         @Nullable String errorStatus,
                                         @Nullable String username,
                                         @Nullable String password,
                                         @Nullable String bearerToken,
                                         @Bindable(defaultValue = "1h") Duration chunk,
                                         @Bindable(defaultValue = "30s") Duration timeout,
                                         @Bindable(defaultValue = "2m") Duration delay,
                                         @Bindable(defaultValue = "auto") String read,
                                         @Bindable(defaultValue = "true") boolean enabled) {

    public static final String PREFIX = "plumbline.collectors.prometheus";

    /** How the source is read (auto, remote-read, query-range); a message begins with the full key when wrong. */
    public ReadPath readPath() {
        try {
            return ReadPath.parse(read == null ? "" : read.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "." + name + "." + e.getMessage());
        }
    }

    /** The source, validated; a message begins with the full key of what is wrong. */
    public PrometheusSource toSource() {
        String key = PREFIX + "." + name;
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(key + ".url: required, e.g. http://prometheus:9090");
        }
        MetricNames names;
        try {
            names = MetricNames.of(preset, histogram, errorCounter, serviceLabel, customerLabel, statusLabel,
                    errorStatus);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "." + e.getMessage());
        }
        if (bearerToken != null && username != null) {
            throw new IllegalArgumentException(key + ": set username/password or bearer-token, not both");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException(key + ": username and password go together");
        }
        PrometheusSource source;
        try {
            source = new PrometheusSource(name, URI.create(url.strip()), names, Optional.empty(), chunk, timeout, delay);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
        if (username != null) {
            source = source.withBasicAuth(username, password);
        } else if (bearerToken != null) {
            source = source.withBearerToken(bearerToken);
        }
        return source;
    }

    @Override
    public String toString() {   // never the credentials
        return "PrometheusSourceProperties[" + name + " " + url + "]";
    }
}
