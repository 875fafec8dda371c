package dev.plumbline.app.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.app.security.TokenService;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus 2.42 scraping a target every second and pushing to Plumbline with remote_write (README, "Remote
 * write"). Plumbline is stopped for two minutes in the middle: Prometheus keeps the samples and sends them again, and
 * the restarted Plumbline continues every series from what it stored. The oracle is Prometheus' own raw samples, read
 * back through its query API: each stored minute of each slice equals the difference of the raw counters across it.
 */
@ExtendWith(ClickHouseExtension.class)
class RemoteWritePrometheusTest {

    private static final List<String> CUSTOMERS = List.of("acme", "globex");
    private static final NamedQuery SERIES_REACHED = new NamedQuery("series reached", """
            SELECT countIf(last >= {at:Int64}) AS reached, count() AS series FROM (
              SELECT series, kind, max(last_ms) AS last FROM pushed_series_minute GROUP BY series, kind)""");
    private static final NamedQuery FIRST_PUSHED = new NamedQuery("first pushed",
            "SELECT toUnixTimestamp(max(first)) * 1000 AS first FROM (SELECT series, kind, min(minute) AS first "
                    + "FROM pushed_series_minute GROUP BY series, kind)");
    private static final NamedQuery STORED = new NamedQuery("stored minutes", """
            SELECT customer, minute, requests, errors, latency_counts FROM telemetry_minute FINAL
            WHERE source = 'remote-write' AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
            ORDER BY customer, minute""");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    /** Counters that grow by a few at every scrape, differently per customer; a 500 now and then. */
    private static final class Target implements AutoCloseable {
        final HttpServer server;
        int scrapes;
        final Map<String, double[]> counters = new HashMap<>();   // customer -> count, fast bucket, errors

        Target() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/metrics", exchange -> {
                byte[] body;
                synchronized (this) {
                    body = scrape().getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String scrape() {
            scrapes++;
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < CUSTOMERS.size(); c++) {
                double[] v = counters.computeIfAbsent(CUSTOMERS.get(c), k -> new double[3]);
                int n = 2 + (scrapes * (c + 3)) % 5;
                v[0] += n;
                v[1] += n - (scrapes % 3 == 0 ? 1 : 0);
                v[2] += scrapes % (4 + c) == 0 ? 1 : 0;
                String slice = "service=\"checkout\",customer=\"" + CUSTOMERS.get(c) + "\"";
                out.append("http_server_request_duration_seconds_bucket{").append(slice).append(",le=\"0.25\"} ")
                        .append(v[1]).append('\n')
                        .append("http_server_request_duration_seconds_bucket{").append(slice).append(",le=\"+Inf\"} ")
                        .append(v[0]).append('\n')
                        .append("http_server_request_duration_seconds_count{").append(slice).append("} ")
                        .append(v[0]).append('\n')
                        .append("http_server_requests_total{").append(slice).append(",status_code=\"500\"} ")
                        .append(v[2]).append('\n');
            }
            return out.toString();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void every_minute_equals_the_raw_counters_difference_across_a_two_minute_stop_of_plumbline(TestDatabase db)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, Object> config = Map.of("micronaut.server.port", port,
                "plumbline.collectors.remote-write.enabled", true, "plumbline.collectors.remote-write.flush", "1s");
        try (Target target = new Target()) {
            RunningApp app = RunningApp.start(db, config);
            String token = app.bean(TokenService.class).create("prometheus", "collector", "admin").secret();
            LocalPrometheus prometheus = LocalPrometheus.prepare(dir, List.of(target.uri()), Duration.ofSeconds(1))
                    .remoteWrite(app.uri("/api/v1/write"), token, Map.of());
            try {
                prometheus.start();
                // 1. Plumbline receives a while, across a minute's end
                long firstScraped = await("Prometheus' first scrape", () -> latestSample(prometheus) > 0,
                        () -> latestSample(prometheus));
                await("a push 65 s after the first scrape", () -> reached(db, firstScraped + 65_000), () -> 0L);
                // 2. Plumbline stops for two minutes (of Prometheus' own samples), then starts again on the same port
                app.close();
                long stoppedAt = latestSample(prometheus);
                await("two minutes of samples while Plumbline is stopped",
                        () -> latestSample(prometheus) >= stoppedAt + 120_000, () -> 0L);
                app = RunningApp.start(db, config);
                // 3. the comparison ends at the last whole minute Prometheus has; it begins one minute after the
                // last series' first pushed minute (which holds the base of its first increase)
                long end = Math.floorDiv(latestSample(prometheus), 60_000) * 60_000;
                long first = db.clickHouse().queryOne(FIRST_PUSHED, r -> r.getLong("first")).orElseThrow();
                long begin = (Math.floorDiv(first, 60_000) + 1) * 60_000;
                await("every series pushed past the end", () -> reached(db, end), () -> 0L);
                Map<String, TreeMap<Long, double[]>> truth = truth(prometheus, begin, end);
                app.bean(CollectorService.class).remoteWrite().orElseThrow().flush();

                Map<String, TreeMap<Long, double[]>> stored = new TreeMap<>();
                db.clickHouse().query(STORED, dev.plumbline.sql.Params.of("from", java.time.Instant.ofEpochMilli(begin))
                        .and("to", java.time.Instant.ofEpochMilli(end)), r -> {
                    List<Double> buckets = r.getDoubles("latency_counts");
                    stored.computeIfAbsent(r.getString("customer"), k -> new TreeMap<>()).put(
                            r.getInstant("minute").toEpochMilli(), new double[] {r.getDouble("requests"),
                                    r.getDouble("errors"), buckets.isEmpty() ? -1 : buckets.getFirst()});
                    return null;
                });
                String range = "compared " + begin + " .. " + end + ", stopped at " + stoppedAt;
                assertThat(begin).as(range).isLessThan(stoppedAt);   // the range spans the stop
                assertThat(end).as(range).isGreaterThanOrEqualTo(stoppedAt + 60_000);
                assertThat(stored.keySet()).isEqualTo(truth.keySet());
                for (String customer : truth.keySet()) {
                    assertThat(stored.get(customer).keySet()).as(customer).isEqualTo(truth.get(customer).keySet());
                    for (var minute : truth.get(customer).entrySet()) {
                        assertThat(stored.get(customer).get(minute.getKey()))
                                .as(customer + " at " + java.time.Instant.ofEpochMilli(minute.getKey()))
                                .containsExactly(minute.getValue());
                    }
                }
            } finally {
                prometheus.stop();
                app.close();
            }
        }
    }

    /**
     * Per customer and whole minute of [begin, end): requests, errors and the 0.25 s bucket's count, each the
     * difference of Prometheus' raw counter between its last sample in the minute and its last sample before it.
     */
    private static Map<String, TreeMap<Long, double[]>> truth(LocalPrometheus prometheus, long begin, long end)
            throws Exception {
        Map<String, TreeMap<Long, double[]>> out = new TreeMap<>();
        String[] names = {"http_server_request_duration_seconds_count", "http_server_requests_total",
                "http_server_request_duration_seconds_bucket{le=\"0.25\"}"};
        for (int k = 0; k < names.length; k++) {
            for (Map<String, Object> series : raw(prometheus, names[k], end)) {
                @SuppressWarnings("unchecked")
                String customer = ((Map<String, String>) series.get("metric")).get("customer");
                TreeMap<Long, Double> samples = new TreeMap<>();
                @SuppressWarnings("unchecked")
                List<List<Object>> values = (List<List<Object>>) series.get("values");
                for (List<Object> v : values) {
                    long t = Math.round(((Number) v.get(0)).doubleValue() * 1000);
                    if (t < end) {
                        samples.put(t, Double.parseDouble((String) v.get(1)));
                    }
                }
                for (long m = begin; m < end; m += 60_000) {
                    var last = samples.lowerEntry(m + 60_000);
                    var before = samples.lowerEntry(m);
                    double[] row = out.computeIfAbsent(customer, c -> new TreeMap<>())
                            .computeIfAbsent(m, x -> new double[] {0, 0, 0});
                    row[k] = last.getValue() - before.getValue();
                }
            }
        }
        return out;
    }

    /** The raw samples of the last 15 minutes before {@code end} (plus a second), through Prometheus' query API. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> raw(LocalPrometheus prometheus, String selector, long end)
            throws Exception {
        String query = selector + "[15m]";
        String body = get(prometheus, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&time=" + (end / 1000.0));
        Map<String, Object> json = io.micronaut.json.JsonMapper.createDefault().readValue(body, Map.class);
        return (List<Map<String, Object>>) ((Map<String, Object>) json.get("data")).get("result");
    }

    private static long latestSample(LocalPrometheus prometheus) {
        return sampleTime(prometheus, "max(timestamp(http_server_request_duration_seconds_count))");
    }

    @SuppressWarnings("unchecked")
    private static long sampleTime(LocalPrometheus prometheus, String query) {
        try {
            String body = get(prometheus, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            Map<String, Object> json = io.micronaut.json.JsonMapper.createDefault().readValue(body, Map.class);
            List<Map<String, Object>> result = (List<Map<String, Object>>) ((Map<String, Object>) json.get("data"))
                    .get("result");
            if (result.isEmpty()) {
                return 0;
            }
            return Math.round(Double.parseDouble((String) ((List<Object>) result.getFirst().get("value")).get(1)) * 1000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(LocalPrometheus prometheus, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(prometheus.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Whether every pushed series has been stored up to {@code atMs}, and there are all eight of them. */
    private static boolean reached(TestDatabase db, long atMs) {
        return db.clickHouse().queryOne(SERIES_REACHED, dev.plumbline.sql.Params.of("at", atMs),
                r -> r.getLong("series") == 4L * CUSTOMERS.size() && r.getLong("reached") == r.getLong("series"))
                .orElse(false);
    }

    /** Waits (up to four minutes past the condition's own time) until {@code condition} holds, then answers {@code then}. */
    private static long await(String what, BooleanSupplier condition, java.util.function.LongSupplier then)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 4 minutes for " + what);
            }
            Thread.sleep(250);
        }
        return then.getAsLong();
    }
}
