package dev.plumbline.collectors.spans;

import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.spans.SpanRules;
import dev.plumbline.sql.spans.SpanSchema;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A table of OpenTelemetry spans in ClickHouse to collect per-minute telemetry from.
 *
 * @param name     how Plumbline names it (source column, watermark, metrics)
 * @param server   the ClickHouse holding the spans (its database is the spans' database); never logged with its password
 * @param table    the spans table in that database
 * @param chunk    how much time one query covers at most (whole minutes, 1 minute to 1 day)
 * @param delay    how far behind now collection stays, so the exporter has written the minute
 * @param lateness how far back each collection reads again, for spans that arrive after their minute was collected
 *                 (0: never); at most a day
 */
public record SpansSource(String name, ConnectionSpec server, SpanSchema schema, String table, SpanRules rules,
                          Duration chunk, Duration delay, Duration lateness) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");

    public SpansSource {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1-63 lower-case letters, digits or -");
        }
        if (!IDENTIFIER.matcher(server.database()).matches()) {
            throw new IllegalArgumentException("database: '" + server.database() + "' is not a plain ClickHouse name");
        }
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("table: '" + table + "' is not a plain ClickHouse name");
        }
        if (chunk.toMinutes() < 1 || chunk.toMinutes() > 24 * 60 || chunk.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("chunk: must be whole minutes between 1m and 24h, was " + chunk);
        }
        if (delay.isNegative() || lateness.isNegative() || lateness.compareTo(Duration.ofDays(1)) > 0
                || lateness.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("delay must not be negative; lateness whole minutes from 0 to 24h, was "
                    + lateness);
        }
    }

    /** The schema's own table, 1-hour chunks, 1 minute behind, 10 minutes of lateness. */
    public static SpansSource of(String name, ConnectionSpec server, SpanSchema schema, SpanRules rules) {
        return new SpansSource(name, server, schema, schema.defaultTable(), rules, Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    public SpansSource withChunk(Duration chunk) {
        return new SpansSource(name, server, schema, table, rules, chunk, delay, lateness);
    }

    public SpansSource withLateness(Duration lateness) {
        return new SpansSource(name, server, schema, table, rules, chunk, delay, lateness);
    }

    public SpansSource withRules(SpanRules rules) {
        return new SpansSource(name, server, schema, table, rules, chunk, delay, lateness);
    }

    /** Where it is, for people: URL, database and table, never credentials. */
    public String location() {
        return server.httpUrl() + " " + server.database() + "." + table;
    }

    @Override
    public String toString() {   // never the password
        return "SpansSource[" + name + " " + schema.key() + " " + location() + "]";
    }
}
