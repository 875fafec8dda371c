package dev.plumbline.sql.telemetry;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes N telemetry minutes (default 2,000,000; 12 latency buckets each) through the store's writer
 * ({@link TelemetryStore#insert}: records encoded as RowBinary, one HTTP request per batch) and the same rows as raw
 * {@code INSERT ... FORMAT TSV} over ClickHouse's HTTP interface, batch by batch interleaved so both see the same
 * machine. The writer's time includes encoding the records; the raw time is the send only (its TSV is built before
 * the clock starts), which favours raw. Arguments: ClickHouse URL, rows, batch size, result file.
 */
public final class TelemetryWriteBenchmark {

    private static final List<Double> LE = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            Double.POSITIVE_INFINITY);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TelemetryWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int total = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        long stamp = System.currentTimeMillis();
        ConnectionSpec writerDb = new ConnectionSpec(url, "bench_write_store_" + stamp, null, null);
        ConnectionSpec rawDb = new ConnectionSpec(url, "bench_write_raw_" + stamp, null, null);
        for (ConnectionSpec spec : List.of(writerDb, rawDb)) {
            ClickHouse.createDatabase(spec, "");
        }
        try (ClickHouse writerCh = ClickHouse.connect(writerDb, 2, QueryListener.NONE);
             ClickHouse rawCh = ClickHouse.connect(rawDb, 2, QueryListener.NONE)) {
            new Migrator(writerCh, SchemaOptions.SINGLE_NODE).migrate();
            new Migrator(rawCh, SchemaOptions.SINGLE_NODE).migrate();
            TelemetryStore store = new TelemetryStore(writerCh, Clock.systemUTC());
            String insertTsv = "INSERT INTO telemetry_minute (service, customer, source, minute, requests, errors, "
                    + "latency_le, latency_counts, mergeable, collected_at) FORMAT TSV";
            Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minusSeconds(86400 * 7);
            long writerNanos = 0;
            long rawNanos = 0;
            long tsvBytes = 0;
            for (int done = 0, b = 0; done < total; done += batch, b++) {
                List<TelemetryMinute> rows = rows(b, Math.min(batch, total - done), start);
                long a = System.nanoTime();
                store.insert(rows);
                writerNanos += System.nanoTime() - a;
                byte[] tsv = tsv(rows);
                tsvBytes += tsv.length;
                long c = System.nanoTime();
                post(url, rawDb.database(), insertTsv, tsv);
                rawNanos += System.nanoTime() - c;
            }
            long inWriter = count(writerCh);
            long inRaw = count(rawCh);
            double writerRate = total / (writerNanos / 1e9);
            double rawRate = total / (rawNanos / 1e9);
            String report = String.format(Locale.ROOT, """
                    Telemetry write benchmark: %,d minute rows (12 buckets each) in batches of %,d
                      store writer (records -> RowBinary -> HTTP): %.2f s, %,.0f rows/s (%,d rows stored)
                      raw INSERT ... FORMAT TSV over HTTP (send only, %,d MB): %.2f s, %,.0f rows/s (%,d rows stored)
                      ratio writer / raw: %.2f (goal >= 0.8)
                    """, total, batch, writerNanos / 1e9, writerRate, inWriter, tsvBytes >> 20, rawNanos / 1e9, rawRate,
                    inRaw, writerRate / rawRate);
            System.out.print(report);
            Files.writeString(out, report);
            if (System.getenv("BENCH_KEEP") == null) {
                writerCh.execute(new NamedQuery("drop", "DROP DATABASE " + writerDb.database()));
                rawCh.execute(new NamedQuery("drop", "DROP DATABASE " + rawDb.database()));
            }
        }
    }

    /** Deterministic rows for batch {@code b}: distinct (service, customer, minute) keys, so nothing is replaced. */
    static List<TelemetryMinute> rows(int b, int n, Instant start) {
        SplittableRandom r = new SplittableRandom(b);
        List<TelemetryMinute> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = (long) b * 1_000_000 + i;
            String service = "service-" + (k % 40);
            String customer = "customer-" + ((k / 40) % 200);
            Instant minute = start.plusSeconds(60 * (k / 8000));
            List<Double> counts = new ArrayList<>(LE.size());
            double requests = 0;
            for (int j = 0; j < LE.size(); j++) {
                double c = r.nextInt(50);
                counts.add(c);
                requests += c;
            }
            out.add(new TelemetryMinute(service, customer, "bench", minute, requests, r.nextInt(3), LE, counts, true));
        }
        return out;
    }

    private static byte[] tsv(List<TelemetryMinute> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 200);
        String now = "2026-11-23 00:00:00.000";
        for (TelemetryMinute m : rows) {
            sb.append(m.service()).append('\t').append(m.customer()).append('\t').append(m.source()).append('\t')
                    .append(m.minute().getEpochSecond()).append('\t').append(m.requests()).append('\t')
                    .append(m.errors()).append('\t').append(array(m.latencyLe())).append('\t')
                    .append(array(m.latencyCounts())).append('\t').append(m.mergeable() ? 1 : 0).append('\t')
                    .append(now).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String array(List<Double> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            sb.append(i == 0 ? "" : ",").append(Double.isInfinite(v) ? "inf" : Double.toString(v));
        }
        return sb.append(']').toString();
    }

    private static void post(String url, String database, String query, byte[] body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/?database=" + database + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("raw insert failed: " + r.body());
        }
    }

    private static long count(ClickHouse ch) {
        return ch.queryOne(new NamedQuery("count", "SELECT count() FROM telemetry_minute"), r -> r.getLong(1)).orElse(0L);
    }
}
