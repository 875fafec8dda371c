package dev.plumbline.collectors.bench;

import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.demo.OpenMetricsHistory;
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
 * the production path (chunks of three calls each, RowBinary writes, roll-ups), twice in the same run: through
 * query_range and through remote read (streamed chunks, exact minutes), each into a fresh database. Prints and writes
 * both times, the calls and the rows, and their ratio; the 30-day figures are the measured rates times 720 hours (the
 * calls per chunk do not depend on the slices, the bytes per call do). Arguments: ClickHouse URL, customers, services,
 * hours, result file, chunks fetched at once, remote read's chunk in hours (query_range's is 1 h). The history is
 * written one 2-hour block at a time (its time is not in the backfill times); both paths' stored requests and errors
 * are checked against the counters' increase over the range (exactly for remote read, within 5% for query_range, whose
 * increase() extrapolates), and Prometheus' CPU time is read for each path.
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
        Duration chunk = Duration.ofHours(args.length > 6 ? Integer.parseInt(args[6]) : 1);
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
        // written and turned into blocks one 2-hour block at a time (PrometheusHistory): disk and memory stay bounded
        OpenMetricsHistory history = new OpenMetricsHistory(traffic, from.minus(5, ChronoUnit.MINUTES),
                Duration.ofSeconds(15));
        LocalPrometheus prometheus = PrometheusHistory.start(dir, history, to.plus(5, ChronoUnit.MINUTES));
        long t1 = System.nanoTime();
        long blockBytes;
        long blocks;
        try (var files = Files.walk(dir.resolve("prometheus/data"))) {
            blockBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        try (var files = Files.list(dir.resolve("prometheus/data"))) {
            blocks = files.filter(p -> Files.exists(p.resolve("meta.json"))).count();
        }
        // what the counters did over [from, to): each minute's increase ends at one of its scrapes, so the minutes of
        // [from, to) add up to the counters at the last scrape before to less those at the last scrape before from
        double[] before = history.counted(from.minusSeconds(15));
        double[] last = history.counted(to.minusSeconds(15));
        double requests = last[0] - before[0];
        double errors = last[1] - before[1];

        try {
            // the source's chunk (1 hour by default, as in production); a benchmark's timeout, not production's 30 s: at 200 x 40 on a busy
            // machine one query_range call takes longer (the time is what is measured, not whether it fits)
            PrometheusSource source = new PrometheusSource("bench", prometheus.url(), MetricNames.plumbline(),
                    java.util.Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofMinutes(2));
            // remote read in its own chunk (CHUNK): Prometheus' cost per call is mostly per series, so fewer, longer
            // reads cost it less; query_range keeps production's hour (longer ones measured no faster, and the
            // answer's JSON grows with the chunk)
            PrometheusSource remoteSource = new PrometheusSource("bench", prometheus.url(), MetricNames.plumbline(),
                    java.util.Optional.empty(), chunk, Duration.ofMinutes(15), Duration.ofMinutes(2));
            // the same history backfilled twice, each into a fresh database: query_range first, then remote read
            Run range = run(url, "range", dir, from, to, parallelism, prometheus,
                    new PrometheusFetcher(source, new PrometheusHttpApi(source)));
            Run remote = run(url, "remote", dir, from, to, parallelism, prometheus, new RemoteReadFetcher(remoteSource,
                    RemoteReadFetcher.client(remoteSource), dev.plumbline.collectors.telemetry.Resilience.of("bench")));
            // remote read's minutes are exact; query_range's increase() extrapolates each minute from its samples
            check("remote read", remote, requests, errors, 1e-9);
            check("query_range", range, requests, errors, 0.05);
            String report = String.format(Locale.ROOT, """
                    Prometheus backfill benchmark: %d customers x %d services = %,d slices, %d h of history (15 s scrapes); chunks of 1 h (query_range) and %d h (remote read), %d fetched at once
                      history written and turned into blocks by promtool, one 2-hour block at a time: %.1f s (%d blocks, %,d MB; not in the times below)
                      %s
                      %s
                      remote read / query_range: %.2f of the time (%.1fx faster), %.2f of Prometheus' CPU; minute rows %,d / %,d
                      checked: the counters' increase over the %d h: %,.0f requests, %,.0f errors; stored by remote read %s, by query_range %s
                    """, customers, services, traffic.slices().size(), hours, chunk.toHours(), parallelism, (t1 - t0) / 1e9, blocks,
                    blockBytes >> 20, range.line("query_range", hours), remote.line("remote read", hours),
                    remote.seconds / range.seconds, range.seconds / remote.seconds,
                    remote.prometheusCpu / range.prometheusCpu, remote.rows, range.rows, hours, requests, errors,
                    remote.stored(requests, errors), range.stored(requests, errors));
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        } finally {
            prometheus.close();
        }
    }

    /** Throws (no figures printed) when a path's stored requests or errors are off the counters' by more than share. */
    private static void check(String path, Run run, double requests, double errors, double share) {
        if (Math.abs(run.requests - requests) > share * requests || Math.abs(run.errors - errors) > share * Math.max(1, errors)) {
            throw new IllegalStateException(path + " stored " + run.stored(requests, errors) + "; the counters' increase is "
                    + requests + " requests, " + errors + " errors (allowed: " + share * 100 + "% off)");
        }
    }

    /**
     * One backfill: its time, the time inside the fetcher (the source's answer, its decoding and the sums by slice;
     * not the writes), its calls to the source and the minute rows stored.
     */
    record Run(double seconds, double insideSource, long queries, long rows, double prometheusCpu, double jvmCpu,
               double clickHouseCpu, double requests, double errors, long peakHeapBytes) {

        String line(String path, int hours) {
            double perHour = seconds / hours;
            return String.format(Locale.ROOT, "%s: %d h in %.1f s (%.1f s fetching: the source, decoding, sums), %d calls, %,d minute "
                    + "rows; CPU: Prometheus %.1f, JVM %.1f, ClickHouse %s core-s; JVM heap at most %,d MB; per hour %.2f s "
                    + "-> 30 days (720 h): %.1f min (goal: <= 10 min)", path, hours, seconds, insideSource, queries,
                    rows, prometheusCpu, jvmCpu, Double.isNaN(clickHouseCpu) ? "(not measured)" : String.format(Locale.ROOT, "%.1f",
                    clickHouseCpu), peakHeapBytes >> 20, perHour, perHour * 720 / 60);
        }

        String stored(double requestsTruth, double errorsTruth) {
            return String.format(Locale.ROOT, "%,.0f requests (%+.4f%%), %,.0f errors (%+.4f%%)", requests,
                    100 * (requests / requestsTruth - 1), errors, 100 * (errors / Math.max(1, errorsTruth) - 1));
        }
    }

    private static Run run(String url, String name, Path dir, Instant from, Instant to, int parallelism,
                           LocalPrometheus prometheus, ChunkFetcher fetcher) throws Exception {
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
            java.util.OptionalDouble cpu0 = Cpu.of(prometheus.process());
            java.util.OptionalDouble ch0 = Cpu.clickHouse();
            System.gc();   // before the CPU is read: the last run's garbage is not this one's
            double jvm0 = Cpu.jvm();
            List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory
                    .getMemoryPoolMXBeans().stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .toList();
            heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            long a = System.nanoTime();
            Progress done = collector.backfill(from, to, p -> System.out.printf(Locale.ROOT,
                    "  %s chunk %d/%d: %,d rows, %d calls%n", name, p.chunksDone(), p.chunksTotal(), p.rows(),
                    p.queries()));
            double seconds = (System.nanoTime() - a) / 1e9;
            // the pools' peaks, summed: an upper bound of the heap the backfill held at once (peaks differ in time)
            long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double prometheusCpu = Cpu.between(cpu0, Cpu.of(prometheus.process()));
            double jvmCpu = Cpu.jvm() - jvm0;
            double clickHouseCpu = Cpu.between(ch0, Cpu.clickHouse());
            double[] sums = ch.queryOne(new NamedQuery("sums", "SELECT sum(requests), sum(errors) FROM telemetry_minute "
                    + "FINAL WHERE minute >= toDateTime(" + from.getEpochSecond() + ", 'UTC') AND minute < toDateTime("
                    + to.getEpochSecond() + ", 'UTC')"), r -> new double[] {r.getDouble(1), r.getDouble(2)}).orElseThrow();
            long stored = ch.queryOne(new NamedQuery("count", "SELECT count() FROM telemetry_minute FINAL"),
                    r -> r.getLong(1)).orElse(0L);
            if (System.getenv("BENCH_KEEP") == null) {
                ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database()));
            }
            return new Run(seconds, inside.get() / 1e9, done.queries(), stored, prometheusCpu, jvmCpu, clickHouseCpu,
                    sums[0], sums[1], peakHeap);
        }
    }
}
