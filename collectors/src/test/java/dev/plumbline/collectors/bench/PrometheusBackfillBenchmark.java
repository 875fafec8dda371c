package dev.plumbline.collectors.bench;

import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.PrometheusApi;
import dev.plumbline.collectors.prometheus.PrometheusCollector;
import dev.plumbline.collectors.prometheus.PrometheusHttpApi;
import dev.plumbline.collectors.prometheus.PrometheusSource;
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
 * the production path (1-hour chunks, three queries each, RowBinary writes, roll-ups). Prints and writes the time, the
 * queries and the rows; the 30-day figure is the measured rate times 720 hours (the queries per chunk do not depend on
 * the slices, the bytes per query do). Arguments: ClickHouse URL, customers, services, hours, result file.
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

        ConnectionSpec spec = new ConnectionSpec(url, "bench_backfill_" + System.currentTimeMillis(), null, null);
        ClickHouse.createDatabase(spec, "");
        try (ClickHouse ch = ClickHouse.connect(spec, 2, QueryListener.NONE)) {
            new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
            Clock clock = Clock.systemUTC();
            PrometheusSource source = PrometheusSource.of("bench", prometheus.url(), MetricNames.plumbline())
                    .withChunk(Duration.ofHours(1));
            PrometheusApi http = new PrometheusHttpApi(source);
            AtomicLong queryNanos = new AtomicLong();
            PrometheusApi timed = (q, s, e, step) -> {
                long a = System.nanoTime();
                try {
                    return http.queryRange(q, s, e, step);
                } finally {
                    queryNanos.addAndGet(System.nanoTime() - a);
                }
            };
            PrometheusCollector collector = new PrometheusCollector(source, timed,
                    new SpooledWriter(new TelemetryStore(ch, clock), new RollupStore(ch, clock),
                            new Spool(dir.resolve("spool"), 1L << 30)), new WatermarkStore(ch, clock), clock);
            collector.setFetchParallelism(parallelism);
            long t2 = System.nanoTime();
            Progress done = collector.backfill(from, to, p -> System.out.printf(Locale.ROOT,
                    "  chunk %d/%d: %,d rows, %d queries, %.1f s%n", p.chunksDone(), p.chunksTotal(), p.rows(),
                    p.queries(), (System.nanoTime() - t0) / 1e9));
            long t3 = System.nanoTime();
            long stored = ch.queryOne(new NamedQuery("count", "SELECT count() FROM telemetry_minute FINAL"),
                    r -> r.getLong(1)).orElse(0L);
            double seconds = (t3 - t2) / 1e9;
            double perHour = seconds / hours;
            String report = String.format(Locale.ROOT, """
                    Prometheus backfill benchmark: %d customers x %d services = %,d slices, %d h of history (15 s scrapes)
                      history written and turned into blocks by promtool: %.1f s (%,d MB of blocks)
                      backfill %d h in 1-hour chunks, %d fetched at once: %.1f s (time inside queries, summed over
                        threads: %.1f s)
                        PromQL queries: %d (%d per chunk, independent of the slices)
                        minute rows stored: %,d (%,.0f rows/s)
                      per hour of history: %.2f s -> 30 days (720 h) at this width: %.1f min, %d queries (goal: < 10 min)
                    """, customers, services, traffic.slices().size(), hours, (t1 - t0) / 1e9, blockBytes >> 20,
                    hours, parallelism, seconds, queryNanos.get() / 1e9, done.queries(), done.queries() / Math.max(1, done.chunksTotal()),
                    stored, stored / seconds, perHour, perHour * 720 / 60, 720 * 3);
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            if (System.getenv("BENCH_KEEP") == null) {
                ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database()));
            }
        } finally {
            prometheus.close();
        }
    }
}
