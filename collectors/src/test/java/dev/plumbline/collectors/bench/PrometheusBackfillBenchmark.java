package dev.plumbline.collectors.bench;

import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.PrometheusFetcher;
import dev.plumbline.collectors.prometheus.PrometheusCollector;
import dev.plumbline.collectors.prometheus.PrometheusHttpApi;
import dev.plumbline.collectors.prometheus.PrometheusSource;
import dev.plumbline.collectors.prometheus.RemoteReadFetcher;
import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.telemetry.Progress;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.collectors.testing.PrometheusHistory;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backfill from a real Prometheus: CUSTOMERS x SERVICES slices (every customer on every service), HOURS of history
 * scraped every 15 s (written by promtool from the demo traffic), collected into a fresh ClickHouse database through
 * the production path (1-hour chunks, three calls each, RowBinary writes, roll-ups), twice in the same run: through
 * query_range and through remote read (streamed chunks, exact minutes), each into a fresh database. Prints and writes
 * both times, the calls and the rows, and their ratio; the 30-day figures are the measured rates times 720 hours (the
 * calls per chunk do not depend on the slices, the bytes per call do). Arguments: ClickHouse URL, customers, services,
 * hours, result file, chunks fetched at once.
 */
public final class PrometheusBackfillBenchmark {

    private PrometheusBackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int customers = Integer.parseInt(args[1]);
        int services = Integer.parseInt(args[2]);
        int hours = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        int parallelism = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Path dir = Files.createTempDirectory("plumbline-backfill-bench");

        List<String> serviceNames = new ArrayList<>(List.of("api-gateway", "search", "checkout"));
        for (int i = serviceNames.size(); i < services; i++) {
            serviceNames.add("service-" + i);
        }
        List<DemoCustomer> demoCustomers = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            demoCustomers.add(new DemoCustomer(String.format("customer-%04d", i), services * 0.02 * (1 + i % 5),
                    i % 10 == 0 ? 2000 : 100, i % 3 == 0 ? "eu-west" : "us-east"));
        }
        // every customer on every service: the full width
        DemoTraffic traffic = new DemoTraffic(serviceNames, demoCustomers, 5, Instant.EPOCH, java.util.Map.of(), 1.0);
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        Instant from = to.minus(hours, ChronoUnit.HOURS);

        long t0 = System.nanoTime();
        LocalPrometheus prometheus = PrometheusHistory.start(dir, traffic, from, to);
        long t1 = System.nanoTime();
        long blockBytes;
        try (var files = Files.walk(dir.resolve("prometheus/data"))) {
            blockBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }

        try {
            PrometheusSource source = PrometheusSource.of("bench", prometheus.url(), MetricNames.plumbline())
                    .withChunk(Duration.ofHours(1));
            // the same history backfilled twice, each into a fresh database: query_range first, then remote read
            Run range = run(url, "range", dir, from, to, parallelism,
                    new PrometheusFetcher(source, new PrometheusHttpApi(source)));
            Run remote = run(url, "remote", dir, from, to, parallelism, new RemoteReadFetcher(source,
                    RemoteReadFetcher.client(source), dev.plumbline.collectors.telemetry.Resilience.of("bench")));
            String report = String.format(Locale.ROOT, """
                    Prometheus backfill benchmark: %d customers x %d services = %,d slices, %d h of history (15 s scrapes)
                      history written and turned into blocks by promtool: %.1f s (%,d MB of blocks)
                      %s
                      %s
                      remote read / query_range: %.2f of the time (%.1fx faster); minute rows %,d / %,d
                    """, customers, services, traffic.slices().size(), hours, (t1 - t0) / 1e9, blockBytes >> 20,
                    range.line("query_range", hours), remote.line("remote read", hours), remote.seconds / range.seconds,
                    range.seconds / remote.seconds, remote.rows, range.rows);
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        } finally {
            prometheus.close();
        }
    }

    /**
     * One backfill: its time, the time inside the fetcher (the source's answer, its decoding and the sums by slice;
     * not the writes), its calls to the source and the minute rows stored.
     */
    record Run(double seconds, double insideSource, long queries, long rows) {

        String line(String path, int hours) {
            double perHour = seconds / hours;
            return String.format(Locale.ROOT, "%s: %d h in %.1f s (%.1f s fetching: the source, decoding, sums), %d calls, %,d minute "
                    + "rows; per hour %.2f s -> 30 days (720 h): %.1f min (goal: <= 10 min)", path, hours, seconds,
                    insideSource, queries, rows, perHour, perHour * 720 / 60);
        }
    }

    private static Run run(String url, String name, Path dir, Instant from, Instant to, int parallelism,
                           ChunkFetcher fetcher) throws Exception {
        ConnectionSpec spec = new ConnectionSpec(url, "bench_backfill_" + name + "_" + System.currentTimeMillis(), null,
                null);
        ClickHouse.createDatabase(spec, "");
        try (ClickHouse ch = ClickHouse.connect(spec, 2, QueryListener.NONE)) {
            new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
            Clock clock = Clock.systemUTC();
            AtomicLong inside = new AtomicLong();
            ChunkFetcher timed = new ChunkFetcher() {
                @Override
                public Settings settings() {
                    return fetcher.settings();
                }

                @Override
                public Fetched fetch(Instant a, Instant b) {
                    long t = System.nanoTime();
                    try {
                        return fetcher.fetch(a, b);
                    } finally {
                        inside.addAndGet(System.nanoTime() - t);
                    }
                }
            };
            PrometheusCollector collector = new PrometheusCollector(timed,
                    new SpooledWriter(new TelemetryStore(ch, clock), new RollupStore(ch, clock),
                            new Spool(dir.resolve("spool-" + name), 1L << 30)), new WatermarkStore(ch, clock), clock);
            collector.setFetchParallelism(parallelism);
            long a = System.nanoTime();
            Progress done = collector.backfill(from, to, p -> System.out.printf(Locale.ROOT,
                    "  %s chunk %d/%d: %,d rows, %d calls%n", name, p.chunksDone(), p.chunksTotal(), p.rows(),
                    p.queries()));
            double seconds = (System.nanoTime() - a) / 1e9;
            long stored = ch.queryOne(new NamedQuery("count", "SELECT count() FROM telemetry_minute FINAL"),
                    r -> r.getLong(1)).orElse(0L);
            if (System.getenv("BENCH_KEEP") == null) {
                ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database()));
            }
            return new Run(seconds, inside.get() / 1e9, done.queries(), stored);
        }
    }
}
