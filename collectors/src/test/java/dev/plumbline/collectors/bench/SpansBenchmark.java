package dev.plumbline.collectors.bench;

import dev.plumbline.collectors.spans.SpansCollector;
import dev.plumbline.collectors.spans.SpansFetcher;
import dev.plumbline.collectors.spans.SpansSource;
import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.spans.SpanReader;
import dev.plumbline.sql.spans.SpanRules;
import dev.plumbline.sql.spans.SpanSchema;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The spans source over a real otel_traces (the exporter's DDL, from the spans tests' resources): SPANS_PER_HOUR spans
 * per hour for HOURS hours are generated inside ClickHouse (one {@code INSERT ... SELECT ... FROM numbers(N)} per hour:
 * 40 services x 200 customers, about half server spans, 1% of them without the customer attribute, 2% errors,
 * log-uniform durations from 3 ms to 3 s, timestamps spread over the hour). Then, in the same run against the same
 * spans: Plumbline's {@link SpansCollector} backfills the hours in 1-hour chunks (the GROUP BY, the minutes into
 * telemetry_minute, roll-ups, coverage, watermark), and a bare GROUP BY of the same server spans per service, customer
 * and minute ({@code FORMAT Null}, over HTTP) runs before and after it. Also timed alone: the source's reads
 * ({@link SpansFetcher#fetch}) without storing. Checks, before printing a rate: the stored requests and errors equal
 * the server spans with a customer and their errors counted directly, and the stored minutes the bare GROUP BY's rows.
 * Arguments: ClickHouse URL, spans per hour, hours, result file.
 */
public final class SpansBenchmark {

    private static final String SOURCE = "bench-spans";
    private static final List<Double> BOUNDS = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5);
    private static final List<Double> THRESHOLDS = List.of(0.3);
    private static final int SERVICES = 40;
    private static final int CUSTOMERS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SpansBenchmark() {
    }

    /** One phase's wall time and CPU (NaN: not known). */
    record Spent(double wall, double jvm, double clickHouse) {
        static Spent since(long nanos, double jvm, OptionalDouble clickHouse) {
            return new Spent((System.nanoTime() - nanos) / 1e9, Cpu.jvm() - jvm, Cpu.between(clickHouse,
                    Cpu.clickHouse()));
        }

        String cpu() {
            return String.format(Locale.ROOT, "JVM %.2f core-s, ClickHouse %s", jvm,
                    Double.isNaN(clickHouse) ? "not measured" : String.format(Locale.ROOT, "%.2f core-s", clickHouse));
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long perHour = Long.parseLong(args[1]);
        int hours = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        long now = System.currentTimeMillis();
        Instant from = Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours + 2L));
        Instant to = from.plus(Duration.ofHours(hours));
        ConnectionSpec spec = new ConnectionSpec(url, "bench_spans_" + now, null, null);
        String db = spec.database();
        ClickHouse.createDatabase(spec, "");
        Path spoolDir = Files.createTempDirectory("plumbline-spans-bench");
        try (ClickHouse ch = ClickHouse.connect(spec, 2, QueryListener.NONE)) {
            new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
            ch.executeScript("otel_traces", resource("/dev/plumbline/collectors/spans/otel_traces.sql"));

            // the spans, generated inside ClickHouse, one INSERT ... SELECT per hour
            long gen0 = System.nanoTime();
            for (int h = 0; h < hours; h++) {
                post(url, db, generate(from.plus(Duration.ofHours(h)), perHour, h));
            }
            double generated = (System.nanoTime() - gen0) / 1e9;
            boolean settled = settle(ch, db);
            long spans = one(ch, "SELECT count() FROM otel_traces");
            long server = one(ch, "SELECT countIf(SpanKind = 'SPAN_KIND_SERVER') FROM otel_traces");
            long serverWithCustomer = one(ch, "SELECT count() FROM otel_traces WHERE SpanKind = 'SPAN_KIND_SERVER' "
                    + "AND SpanAttributes['customer.id'] != ''");
            long serverErrors = one(ch, "SELECT count() FROM otel_traces WHERE SpanKind = 'SPAN_KIND_SERVER' "
                    + "AND SpanAttributes['customer.id'] != '' AND StatusCode = 'STATUS_CODE_ERROR'");
            long onDisk = one(ch, "SELECT sum(bytes_on_disk) FROM system.parts WHERE database = '" + db
                    + "' AND table = 'otel_traces' AND active");

            // the bare GROUP BY, before Plumbline
            Spent bare1 = bare(url, db, from, hours);

            // Plumbline: the backfill, 1-hour chunks, stored
            Clock clock = Clock.systemUTC();
            SpanRules rules = new SpanRules("server", "customer.id", false, "status", "http.response.status_code",
                    500, 599, "none", "sampling.adjusted_count", false, BOUNDS);
            SpansSource source = new SpansSource(SOURCE, spec, SpanSchema.OTEL, "otel_traces", rules,
                    Duration.ofHours(1), Duration.ofMinutes(1), Duration.ZERO);
            SpansFetcher fetcher = new SpansFetcher(source, new SpanReader(ch, SpanSchema.OTEL, db, "otel_traces"),
                    () -> THRESHOLDS, new Resilience(SOURCE, 1, Duration.ofMillis(10), Duration.ofSeconds(60)));
            SpansCollector collector = new SpansCollector(fetcher, new SpooledWriter(new TelemetryStore(ch, clock),
                    new RollupStore(ch, clock), new Spool(spoolDir, 1L << 30)), new WatermarkStore(ch, clock), clock);
            double jvm0 = Cpu.jvm();
            OptionalDouble ch0 = Cpu.clickHouse();
            long wall0 = System.nanoTime();
            collector.backfill(from, to, p -> { });
            Spent plumbline = Spent.since(wall0, jvm0, ch0);
            var tally = fetcher.tally();

            // the source's reads alone (the GROUP BY and its rows into the JVM), not stored
            jvm0 = Cpu.jvm();
            ch0 = Cpu.clickHouse();
            wall0 = System.nanoTime();
            long fetchedRows = 0;
            for (int h = 0; h < hours; h++) {
                fetchedRows += fetcher.fetch(from.plus(Duration.ofHours(h)), from.plus(Duration.ofHours(h + 1)))
                        .minutes().size();
            }
            Spent reads = Spent.since(wall0, jvm0, ch0);

            // the bare GROUP BY again, after
            Spent bare2 = bare(url, db, from, hours);
            Spent bare = bare1.wall() <= bare2.wall() ? bare1 : bare2;

            // checks
            String range = "minute >= toDateTime(" + from.getEpochSecond() + ", 'UTC') AND minute < toDateTime("
                    + to.getEpochSecond() + ", 'UTC')";
            long stored = one(ch, "SELECT count() FROM telemetry_minute FINAL WHERE source = '" + SOURCE + "' AND "
                    + range);
            long storedRequests = one(ch, "SELECT toUInt64(sum(requests)) FROM telemetry_minute FINAL WHERE source = '"
                    + SOURCE + "' AND " + range);
            long storedErrors = one(ch, "SELECT toUInt64(sum(errors)) FROM telemetry_minute FINAL WHERE source = '"
                    + SOURCE + "' AND " + range);
            long storedLatency = one(ch, "SELECT toUInt64(sum(arraySum(latency_counts))) FROM telemetry_minute FINAL "
                    + "WHERE source = '" + SOURCE + "' AND " + range);
            long bareRows = one(ch, "SELECT count() FROM (" + bareSql(from, to) + ") WHERE customer != ''");
            if (storedRequests != serverWithCustomer || storedErrors != serverErrors || storedLatency != serverWithCustomer
                    || stored != bareRows || fetchedRows != stored) {
                throw new IllegalStateException("stored " + stored + " minutes (" + fetchedRows + " read again), "
                        + storedRequests + " requests, " + storedErrors + " errors, " + storedLatency
                        + " latency counts; expected " + bareRows + " minutes, " + serverWithCustomer + " requests, "
                        + serverErrors + " errors");
            }

            long total = (long) hours * perHour;
            String report = String.format(Locale.ROOT, """
                    Spans benchmark (otel_traces): %,d spans per hour x %d h (%s .. %s), %d services x %d customers
                      generated in ClickHouse (one INSERT ... SELECT FROM numbers per hour): %.1f s, %,d spans, %,d MB on disk%s
                        %,d server spans, %,d of them with a customer (%,d errors); %,d without a customer (dropped, counted)
                      Plumbline backfill (SpansCollector, 1-hour chunks, %d bounds + the 0.3 s threshold, stored): %.2f s wall, %s
                        %,.0f spans/s (all spans in the table), %,.0f server spans/s; %,d minutes stored (telemetry_minute)
                      its reads alone (SpansFetcher.fetch per hour, not stored): %.2f s wall, %s; storing: %.2f s of the backfill
                      bare GROUP BY (service, customer, minute: count, countIf error; FORMAT Null over HTTP): %.2f s wall, %s (runs: %.2f s before, %.2f s after)
                        %,.0f spans/s
                      ratio Plumbline backfill / bare GROUP BY, wall: %.2f (reads alone / bare: %.2f)
                      checked: stored requests %,d = count() of server spans with a customer %,d; errors %,d = %,d; latency counts %,d; minutes %,d = the bare GROUP BY's rows; the backfill's tally: %,d server spans read, %,d without a customer
                    """, perHour, hours, from, to, SERVICES, CUSTOMERS, generated, spans, onDisk >> 20,
                    settled ? "" : " (merges still running)", server, serverWithCustomer, serverErrors,
                    server - serverWithCustomer, BOUNDS.size(), plumbline.wall(), plumbline.cpu(), total / plumbline.wall(),
                    server / plumbline.wall(), stored, reads.wall(), reads.cpu(), plumbline.wall() - reads.wall(),
                    bare.wall(), bare.cpu(), bare1.wall(), bare2.wall(), total / bare.wall(),
                    plumbline.wall() / bare.wall(), reads.wall() / bare.wall(), storedRequests, serverWithCustomer,
                    storedErrors, serverErrors, storedLatency, stored, tally.spans(), tally.noCustomer());
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            if (System.getenv("BENCH_KEEP") == null) {
                ch.execute(new NamedQuery("drop", "DROP DATABASE " + db));
            }
        }
    }

    /**
     * One hour of spans: span i of the hour gets service i % 40 and customer (i / 40) % 200 (all 8,000 slices), and
     * from a hash of (hour, i) its kind, status, duration, start within the hour and whether it has a customer.
     */
    private static String generate(Instant hour, long n, int h) {
        long startNs = hour.getEpochSecond() * 1_000_000_000L;
        return "INSERT INTO otel_traces (Timestamp, TraceId, SpanId, ParentSpanId, SpanName, SpanKind, ServiceName, "
                + "ResourceAttributes, ScopeName, SpanAttributes, Duration, StatusCode)\n"
                + "SELECT fromUnixTimestamp64Nano(toInt64(" + startNs + " + (hash % 3600000000000))),\n"
                + "       lower(hex(cityHash64(number, " + h + ", 'trace'))) || lower(hex(hash)),\n"
                + "       lower(hex(hash)),\n"
                + "       if(server, '', lower(hex(cityHash64(number, " + h + ", 'parent')))),\n"
                + "       'GET /api/v1/resource/' || toString(bitShiftRight(hash, 40) % 20),\n"
                + "       if(server, 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT'),\n"
                + "       service,\n"
                + "       map('service.name', service, 'host.name', 'host-' || toString(number % 7)),\n"
                + "       'io.opentelemetry.instrumentation',\n"
                + "       if(bitShiftRight(hash, 32) % 100 = 0,\n"
                + "          map('http.response.status_code', status_http),\n"
                + "          map('customer.id', 'customer-' || toString(intDiv(number, " + SERVICES + ") % " + CUSTOMERS
                + "), 'http.response.status_code', status_http)),\n"
                + "       toUInt64(3e6 * pow(1000, (bitShiftRight(hash, 8) % 1000000) / 1e6)),\n"
                + "       if(error, 'STATUS_CODE_ERROR', if(bitShiftRight(hash, 48) % 4 = 0, 'STATUS_CODE_OK', "
                + "'STATUS_CODE_UNSET'))\n"
                + "FROM (SELECT number, cityHash64(number, " + h + ") AS hash, hash % 2 = 0 AS server,\n"
                + "             bitShiftRight(hash, 24) % 50 = 0 AS error, if(error, '500', '200') AS status_http,\n"
                + "             'service-' || toString(number % " + SERVICES + ") AS service\n"
                + "      FROM numbers(" + n + "))";
    }

    private static String bareSql(Instant from, Instant to) {
        return "SELECT ServiceName AS service, SpanAttributes['customer.id'] AS customer, toStartOfMinute(Timestamp) AS "
                + "minute, count(), countIf(StatusCode = 'STATUS_CODE_ERROR') FROM otel_traces WHERE SpanKind = "
                + "'SPAN_KIND_SERVER' AND Timestamp >= fromUnixTimestamp64Nano(toInt64(" + from.getEpochSecond()
                + "000000000)) AND Timestamp < fromUnixTimestamp64Nano(toInt64(" + to.getEpochSecond() + "000000000)) "
                + "GROUP BY 1, 2, 3";
    }

    /** The bare GROUP BY, one per hour as the chunks are, results discarded by the server. */
    private static Spent bare(String url, String db, Instant from, int hours) throws Exception {
        double jvm0 = Cpu.jvm();
        OptionalDouble ch0 = Cpu.clickHouse();
        long wall0 = System.nanoTime();
        for (int h = 0; h < hours; h++) {
            post(url, db, bareSql(from.plus(Duration.ofHours(h)), from.plus(Duration.ofHours(h + 1))) + " FORMAT Null");
        }
        return Spent.since(wall0, jvm0, ch0);
    }

    private static long one(ClickHouse ch, String sql) {
        return ch.queryOne(new NamedQuery("bench", sql), r -> r.getLong(1)).orElse(0L);
    }

    /** Waits (at most 2 minutes) until ClickHouse merges nothing of the database; false if it still does. */
    private static boolean settle(ClickHouse ch, String database) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (one(ch, "SELECT count() FROM system.merges WHERE database = '" + database + "'") == 0) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static void post(String url, String database, String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/?database=" + database))
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("query failed (" + r.statusCode() + "): " + r.body());
        }
    }

    private static String resource(String path) {
        try (InputStream in = SpansBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
