package dev.plumbline.app.config;

import dev.plumbline.collectors.spans.SpansSource;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.spans.SpanRules;
import dev.plumbline.sql.spans.SpanSchema;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * One table of OpenTelemetry spans in ClickHouse: plumbline.collectors.spans.NAME.* (README, "Spans in ClickHouse").
 * Without a url the spans are on Plumbline's own ClickHouse server (its user and password too); the password best
 * from the environment or a secret. Plumbline only reads the table.
 */
@EachProperty(SpansSourceProperties.PREFIX)
public record SpansSourceProperties(@Parameter String name,
                                    @Nullable String url,
                                    @Nullable String username,
                                    @Nullable String password,
                                    @Bindable(defaultValue = "otel") String schema,
                                    @Bindable(defaultValue = "default") String database,
                                    @Nullable String table,
                                    @Bindable(defaultValue = "server") String requests,
                                    @Bindable(defaultValue = "customer.id") String customerAttribute,
                                    @Bindable(defaultValue = "span") String customerFrom,
                                    @Bindable(defaultValue = "status") String errorRule,
                                    @Bindable(defaultValue = "http.response.status_code") String httpStatusAttribute,
                                    @Bindable(defaultValue = "500") int httpErrorMin,
                                    @Bindable(defaultValue = "599") int httpErrorMax,
                                    @Bindable(defaultValue = "none") String sampling,
                                    @Bindable(defaultValue = "sampling.adjusted_count") String samplingAttribute,
                                    @Bindable(defaultValue = "span") String samplingFrom,
                                    @Bindable(defaultValue = "0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10")
                                    List<Double> latencyBuckets,
                                    @Bindable(defaultValue = "1h") Duration chunk,
                                    @Bindable(defaultValue = "1m") Duration delay,
                                    @Bindable(defaultValue = "10m") Duration lateness,
                                    @Bindable(defaultValue = "true") boolean enabled) {

    public static final String PREFIX = "plumbline.collectors.spans";

    /**
     * The source, validated; a message begins with the full key of what is wrong.
     *
     * @param own Plumbline's own ClickHouse, used when no url is set
     */
    public SpansSource toSource(ConnectionSpec own) {
        String key = PREFIX + "." + name;
        try {
            SpanSchema s = SpanSchema.of(schema);
            SpanRules rules = new SpanRules(requests, customerAttribute, scope("customer-from", customerFrom),
                    errorRule, httpStatusAttribute, httpErrorMin, httpErrorMax, sampling, samplingAttribute,
                    scope("sampling-from", samplingFrom), latencyBuckets);
            if ((username == null) != (password == null) && url != null) {
                throw new IllegalArgumentException("username and password go together");
            }
            ConnectionSpec server = url == null || url.isBlank()
                    ? new ConnectionSpec(own.httpUrl(), database, own.user(), own.password())
                    : new ConnectionSpec(url.strip(), database, username, password);
            return new SpansSource(name, server, s, table == null || table.isBlank() ? s.defaultTable() : table.strip(),
                    rules, chunk, delay, lateness);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "." + e.getMessage());
        }
    }

    private static boolean scope(String key, String value) {
        return switch (value == null ? "" : value.strip()) {
            case "span" -> false;
            case "resource" -> true;
            default -> throw new IllegalArgumentException(key + ": '" + value + "' must be span or resource");
        };
    }

    @Override
    public String toString() {   // never the password
        return "SpansSourceProperties[" + name + " " + url + "]";
    }
}
