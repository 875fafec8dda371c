package dev.plumbline.app.config;

import dev.plumbline.collectors.datadog.DatadogSource;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * One Datadog account: plumbline.collectors.datadog.NAME.* (api-key and app-key best from the environment or a
 * secret, e.g. api-key: ${DD_API_KEY}). Datadog gives latency as percentiles, which cannot be merged: for these
 * sources requests, errors, error rate and availability are exact, percentiles are not shown.
 */
@EachProperty(DatadogSourceProperties.PREFIX)
public record DatadogSourceProperties(@Parameter String name,
                                      @Bindable(defaultValue = "https://api.datadoghq.com") String url,
                                      @Nullable String apiKey,
                                      @Nullable String appKey,
                                      @Bindable(defaultValue = "trace.http.request.hits") String requestsMetric,
                                      @Bindable(defaultValue = "trace.http.request.errors") String errorsMetric,
                                      @Bindable(defaultValue = "service") String serviceTag,
                                      @Bindable(defaultValue = "customer") String customerTag,
                                      @Bindable(defaultValue = "*") String filter,
                                      @Bindable(defaultValue = "1h") Duration chunk,
                                      @Bindable(defaultValue = "30s") Duration timeout,
                                      @Bindable(defaultValue = "3m") Duration delay,
                                      @Bindable(defaultValue = "1e9") double maxPerMinute,
                                      @Bindable(defaultValue = "true") boolean enabled) {

    public static final String PREFIX = "plumbline.collectors.datadog";

    /** The source, validated; a message begins with the full key of what is wrong. */
    public DatadogSource toSource() {
        try {
            return new DatadogSource(name, URI.create(url.strip()), apiKey, appKey, requestsMetric, errorsMetric,
                    serviceTag, customerTag, filter, chunk, timeout, delay, maxPerMinute);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "." + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {   // never the keys
        return "DatadogSourceProperties[" + name + " " + url + "]";
    }
}
