package dev.plumbline.sql.spans;

import dev.plumbline.sql.NamedQuery;
import java.util.Locale;

/**
 * How a table of spans is laid out, as the project that writes it publishes it: the columns each query reads (see its
 * {@code .sql} file). Plumbline only reads these tables; it never creates or changes them.
 */
public enum SpanSchema {

    /** The OpenTelemetry collector's ClickHouse exporter ({@code otel_traces}; ClickStack uses the same). */
    OTEL("otel", "otel_traces", "otel_minutes.sql", "otel_ahead.sql"),
    /** SigNoz's {@code signoz_traces.signoz_index_v3} (or {@code distributed_signoz_index_v3} on a cluster). */
    SIGNOZ("signoz", "signoz_index_v3", "signoz_minutes.sql", "signoz_ahead.sql");

    private final String key;
    private final String defaultTable;
    private final NamedQuery minutes;
    private final NamedQuery ahead;

    SpanSchema(String key, String defaultTable, String minutes, String ahead) {
        this.key = key;
        this.defaultTable = defaultTable;
        this.minutes = NamedQuery.load(SpanSchema.class, minutes);
        this.ahead = NamedQuery.load(SpanSchema.class, ahead);
    }

    /** How the configuration names it: otel or signoz. */
    public String key() {
        return key;
    }

    /** The table's name where its project creates it. */
    public String defaultTable() {
        return defaultTable;
    }

    NamedQuery minutes() {
        return minutes;
    }

    NamedQuery ahead() {
        return ahead;
    }

    /** The schema a configuration names, or a refusal that lists the ones there are. */
    public static SpanSchema of(String key) {
        for (SpanSchema s : values()) {
            if (s.key.equals(key == null ? null : key.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("schema: '" + key + "' is not one Plumbline reads (otel or signoz)");
    }
}
