package dev.plumbline.sql.spans;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import java.time.Instant;
import java.util.List;

/**
 * Reads a table of spans that another system writes (the OpenTelemetry collector's exporter, SigNoz), on its own
 * ClickHouse or on Plumbline's: one bounded GROUP BY per range, computed where the spans are.
 */
public final class SpanReader {

    private final ClickHouse clickHouse;
    private final SpanSchema schema;
    private final String database;
    private final String table;

    /** @param clickHouse a client of the server holding the table (its database need not be {@code database}) */
    public SpanReader(ClickHouse clickHouse, SpanSchema schema, String database, String table) {
        this.clickHouse = clickHouse;
        this.schema = schema;
        this.database = database;
        this.table = table;
    }

    /** Per service, customer and minute of [from, to), what the request spans there add up to. */
    public List<SpanMinute> minutes(Instant from, Instant to, SpanRules rules) {
        int buckets = rules.boundsSeconds().size() + 1;
        Params params = rules.params().and("database", database).and("table", table).and("from", from).and("to", to);
        return clickHouse.query(schema.minutes(), params, row -> minute(row, buckets));
    }

    /** Request spans stamped at or after {@code after}. */
    public long ahead(Instant after, SpanRules rules) {
        Params params = Params.of("requests", rules.requests()).and("database", database).and("table", table)
                .and("after", after);
        return clickHouse.queryOne(schema.ahead(), params, row -> row.getLong("spans")).orElse(0L);
    }

    private static SpanMinute minute(Row row, int buckets) {
        double[] weights = new double[buckets];
        List<Double> ids = row.getDoubles("bucket_ids");
        List<Double> w = row.getDoubles("bucket_weights");
        for (int i = 0; i < ids.size(); i++) {
            weights[ids.get(i).intValue() - 1] += w.get(i);
        }
        return new SpanMinute(row.getString("service"), row.getString("customer"), row.getInstant("minute"),
                row.getDouble("requests"), row.getDouble("errors"), weights, row.getLong("spans"),
                row.getLong("unknown_status"), row.getLong("bad_weight"), row.getLong("bad_http_status"));
    }
}
