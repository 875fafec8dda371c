package dev.plumbline.collectors.bench;

import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.remote.prompb.WriteRequest;
import dev.plumbline.collectors.remotewrite.RemoteWriteReceiver;
import dev.plumbline.collectors.remotewrite.SeriesClassifier;
import dev.plumbline.collectors.remotewrite.WriteRequests;
import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.telemetry.PushedSeriesStore;
import dev.plumbline.sql.telemetry.PushedSeriesStore.Kind;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The remote-write receiver's ingest rate: the pushes of {@link PushedHistory} (snappy bodies built before the clock
 * starts) go through {@link WriteRequests#decode}, {@link RemoteWriteReceiver#accept} (one insert into
 * pushed_series_minute per push) and a {@link RemoteWriteReceiver#flush} after every scrape's pushes (into
 * telemetry_minute, roll-ups and coverage: the production flush runs every 10 s, more often than the 15 s scrapes).
 * Samples per second per core are the pushed samples over this JVM's CPU time. Then, in the same run, the same
 * pushed_series_minute rows (computed by {@link PushedHistory}, not by the receiver) go as raw {@code INSERT ... FORMAT
 * TSV} over HTTP into a second database, one insert per push: the baseline. ClickHouse's CPU is read from /proc when
 * its pid is known. Before printing a rate it checks the ingest: the stored minutes add up to the pushed counters'
 * increases, the telemetry minutes to the requests and errors, and the receiver's rows equal the computed ones.
 * Arguments: ClickHouse URL, slices, minutes, samples per push, result file.
 */
public final class RemoteWriteBenchmark {

    private static final String SOURCE = "bench-push";
    private static final String COLUMNS = "source, minute, service, customer, series, kind, le, increase, last_ms, "
            + "last_value";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RemoteWriteBenchmark() {
    }

    /** One phase's wall time and CPU (NaN: not known). */
    record Spent(double wall, double jvm, double clickHouse) {
        static Spent since(long nanos, double jvm, OptionalDouble clickHouse) {
            return new Spent((System.nanoTime() - nanos) / 1e9, Cpu.jvm() - jvm, Cpu.between(clickHouse,
                    Cpu.clickHouse()));
        }

        double cores() {
            return jvm + (Double.isNaN(clickHouse) ? 0 : clickHouse);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int slices = Integer.parseInt(args[1]);
        int minutes = Integer.parseInt(args[2]);
        int perPush = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        long now = System.currentTimeMillis();
        PushedHistory history = new PushedHistory(slices, minutes, perPush, (now / 60_000 - minutes - 2) * 60_000);
        int pushes = history.pushesPerScrape();
        byte[][][] bodies = new byte[history.scrapes][pushes][];
        long bodyBytes = 0;
        for (int k = 0; k < history.scrapes; k++) {
            for (int p = 0; p < pushes; p++) {
                bodies[k][p] = history.body(k, p);
                bodyBytes += bodies[k][p].length;
            }
        }
        long samples = (long) history.series.size() * history.scrapes;
        long kept = history.kept() * history.scrapes;

        ConnectionSpec receiverDb = new ConnectionSpec(url, "bench_push_receiver_" + now, null, null);
        ConnectionSpec rawDb = new ConnectionSpec(url, "bench_push_raw_" + now, null, null);
        ClickHouse.createDatabase(receiverDb, "");
        ClickHouse.createDatabase(rawDb, "");
        Path spoolDir = Files.createTempDirectory("plumbline-push-bench");
        try (ClickHouse ch = ClickHouse.connect(receiverDb, 2, QueryListener.NONE);
             ClickHouse rawCh = ClickHouse.connect(rawDb, 2, QueryListener.NONE)) {
            new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
            new Migrator(rawCh, SchemaOptions.SINGLE_NODE).migrate();
            Clock clock = Clock.systemUTC();
            MetricNames names = MetricNames.plumbline();
            Spool spool = new Spool(spoolDir, 1L << 30);
            RemoteWriteReceiver receiver = new RemoteWriteReceiver(SOURCE, names,
                    new SeriesClassifier(names, Set.of("__replica__", "prometheus_replica")),
                    new PushedSeriesStore(ch, clock), new SpooledWriter(new TelemetryStore(ch, clock),
                    new RollupStore(ch, clock), spool), Duration.ofDays(1), clock);

            // the receiver: decode + accept every push of a scrape, then flush
            long decodeNs = 0, acceptNs = 0, flushNs = 0;
            int telemetryRows = 0;
            double jvm0 = Cpu.jvm();
            OptionalDouble ch0 = Cpu.clickHouse();
            long wall0 = System.nanoTime();
            for (int k = 0; k < history.scrapes; k++) {
                for (int p = 0; p < pushes; p++) {
                    long a = System.nanoTime();
                    WriteRequest request = WriteRequests.decode(bodies[k][p], 32 << 20);
                    long b = System.nanoTime();
                    receiver.accept(request);
                    long c = System.nanoTime();
                    decodeNs += b - a;
                    acceptNs += c - b;
                }
                long a = System.nanoTime();
                telemetryRows += receiver.flush();
                flushNs += System.nanoTime() - a;
            }
            Spent pushed = Spent.since(wall0, jvm0, ch0);
            bodies = null;
            String checks = check(history, receiver, spool, ch);

            // the baseline: the same rows as raw TSV, one insert per push (built before its clock starts)
            List<byte[]> tsv = new ArrayList<>();
            long tsvBytes = 0;
            for (int k = 0; k < history.scrapes; k++) {
                for (int p = 0; p < pushes; p++) {
                    tsv.add(history.rowsTsv(SOURCE, k, p));
                    tsvBytes += tsv.getLast().length;
                }
            }
            boolean settled = settle(ch, receiverDb.database());
            String insert = "INSERT INTO pushed_series_minute (" + COLUMNS + ", written_at) FORMAT TSV";
            jvm0 = Cpu.jvm();
            ch0 = Cpu.clickHouse();
            wall0 = System.nanoTime();
            for (byte[] body : tsv) {
                post(url, rawDb.database(), insert, body);
            }
            Spent raw = Spent.since(wall0, jvm0, ch0);
            checks += same(ch, receiverDb.database(), rawDb.database());

            double perCore = samples / pushed.jvm();
            double rowsWall = kept / pushed.wall();
            double rawWall = kept / raw.wall();
            String report = String.format(Locale.ROOT, """
                    Remote write benchmark: %,d slices x %d series (%d kept), %d min of 15 s scrapes, pushes of up to %,d samples
                      %,d pushes (%,d MB snappy, built before the clock), %,d samples, %,d of them kept (a pushed_series_minute row each)
                      receiver (decode + accept every push, flush after every scrape): %.2f s wall (decode %.2f s, accept %.2f s, %d flushes %.2f s), %,d telemetry minutes written
                        JVM CPU %.2f core-s -> %,.0f samples/s per core (%,.0f kept samples/s per core); %,.0f samples/s wall
                        ClickHouse CPU %s; samples per core-second of JVM + ClickHouse: %s
                      raw INSERT ... FORMAT TSV of the same %,d rows, one insert per push (send only, %,d MB%s): %.2f s wall, %,.0f rows/s
                        JVM CPU %.2f core-s, ClickHouse CPU %s; rows per core-second of JVM + ClickHouse: %s
                      ratio receiver / raw, rows per second wall: %.2f; per core-second of JVM + ClickHouse: %s
                      checked: %s
                    """, slices, history.series.size() / slices, history.kept() / slices, minutes, perPush,
                    (long) history.scrapes * pushes, bodyBytes >> 20, samples, kept, pushed.wall(), decodeNs / 1e9,
                    acceptNs / 1e9, history.scrapes, flushNs / 1e9, telemetryRows, pushed.jvm(), perCore,
                    kept / pushed.jvm(), samples / pushed.wall(), seconds(pushed.clickHouse()),
                    rate(samples, pushed), kept, tsvBytes >> 20,
                    settled ? "" : "; the receiver's merges were still running", raw.wall(), rawWall, raw.jvm(),
                    seconds(raw.clickHouse()), rate(kept, raw), rowsWall / rawWall,
                    Double.isNaN(pushed.clickHouse()) ? "not measured" : String.format(Locale.ROOT, "%.2f",
                            (kept / pushed.cores()) / (kept / raw.cores())), checks);
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            if (System.getenv("BENCH_KEEP") == null) {
                ch.execute(new NamedQuery("drop", "DROP DATABASE " + receiverDb.database()));
                rawCh.execute(new NamedQuery("drop", "DROP DATABASE " + rawDb.database()));
            }
        }
    }

    /** What the receiver stored against what was pushed; throws on any difference, so no rate is printed for it. */
    private static String check(PushedHistory history, RemoteWriteReceiver receiver, Spool spool, ClickHouse ch) {
        var totals = receiver.status().totals();
        long kept = history.kept() * history.scrapes;
        long other = (history.series.size() - history.kept()) * history.scrapes;
        if (totals.accepted() != kept || totals.duplicates() + totals.stale() + totals.invalid() + totals.unusableSeries()
                != 0 || totals.otherSeries() != other || !spool.isEmpty()) {
            throw new IllegalStateException("the receiver counted " + totals + " (spool " + spool.size()
                    + " batches); expected " + kept + " samples accepted, " + other + " other series, nothing refused");
        }
        Map<Kind, Double> truth = history.increases();
        StringBuilder out = new StringBuilder();
        for (Kind kind : Kind.values()) {
            double stored = ch.queryOne(new NamedQuery("stored", "SELECT sum(increase) FROM pushed_series_minute FINAL "
                    + "WHERE source = '" + SOURCE + "' AND kind = '" + kind.sql() + "'"), r -> r.getDouble(1)).orElse(0.0);
            equal("pushed_series_minute " + kind.sql(), stored, truth.get(kind));
            out.append(String.format(Locale.ROOT, "%s increase %,.0f = pushed, ", kind.sql(), stored));
        }
        double[] t = ch.queryOne(new NamedQuery("telemetry", "SELECT sum(requests), sum(errors), "
                + "sum(arraySum(latency_counts)) FROM telemetry_minute FINAL WHERE source = '" + SOURCE + "'"),
                r -> new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3)}).orElseThrow();
        equal("telemetry_minute requests", t[0], truth.get(Kind.REQUESTS));
        equal("telemetry_minute errors", t[1], truth.get(Kind.ERRORS));
        equal("telemetry_minute latency counts", t[2], truth.get(Kind.REQUESTS));
        return out.append(String.format(Locale.ROOT, "telemetry_minute requests %,.0f, errors %,.0f, latency counts "
                + "%,.0f = pushed; ", t[0], t[1], t[2])).toString();
    }

    /** The receiver's rows and the computed ones, as ClickHouse keeps them (FINAL), are the same rows. */
    private static String same(ClickHouse ch, String receiver, String raw) {
        String a = "SELECT " + COLUMNS + " FROM " + receiver + ".pushed_series_minute FINAL";
        String b = "SELECT " + COLUMNS + " FROM " + raw + ".pushed_series_minute FINAL";
        long rows = ch.queryOne(new NamedQuery("rows", "SELECT count() FROM (" + a + ")"), r -> r.getLong(1)).orElse(0L);
        long onlyReceiver = ch.queryOne(new NamedQuery("diff", "SELECT count() FROM (" + a + " EXCEPT " + b + ")"),
                r -> r.getLong(1)).orElse(-1L);
        long onlyRaw = ch.queryOne(new NamedQuery("diff", "SELECT count() FROM (" + b + " EXCEPT " + a + ")"),
                r -> r.getLong(1)).orElse(-1L);
        if (rows == 0 || onlyReceiver != 0 || onlyRaw != 0) {
            throw new IllegalStateException("the receiver's pushed_series_minute rows differ from the computed ones: "
                    + rows + " rows, " + onlyReceiver + " only the receiver's, " + onlyRaw + " only computed");
        }
        return String.format(Locale.ROOT, "the receiver's %,d series minutes (FINAL) = the computed ones", rows);
    }

    private static void equal(String what, double stored, double pushed) {
        if (Math.abs(stored - pushed) > 1e-9 * Math.max(1, Math.abs(pushed))) {
            throw new IllegalStateException(what + ": stored " + stored + ", pushed " + pushed);
        }
    }

    /** Waits (at most 2 minutes) until ClickHouse merges nothing of the receiver's database; false if it still does. */
    private static boolean settle(ClickHouse ch, String database) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            long merging = ch.queryOne(new NamedQuery("merges", "SELECT count() FROM system.merges WHERE database = '"
                    + database + "'"), r -> r.getLong(1)).orElse(0L);
            if (merging == 0) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "not measured (no PLUMBLINE_CLICKHOUSE_PID)" : String.format(Locale.ROOT, "%.2f core-s", s);
    }

    private static String rate(long n, Spent s) {
        return Double.isNaN(s.clickHouse()) ? "not measured" : String.format(Locale.ROOT, "%,.0f", n / s.cores());
    }

    private static void post(String url, String database, String query, byte[] body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/?database=" + database + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("raw insert failed: " + r.body());
        }
    }
}
