package dev.plumbline.app.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.PromQl;
import dev.plumbline.collectors.prometheus.PrometheusHttpApi;
import dev.plumbline.collectors.prometheus.PrometheusSource;
import dev.plumbline.collectors.prometheus.Series;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.collectors.testing.PrometheusHistory;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application collecting from a real Prometheus (two hours of demo history) next to a source that cannot be
 * reached: the good one is collected and its figures served, the bad one only marks itself failing; status, backfill
 * progress and self-metrics say so.
 */
@ExtendWith(ClickHouseExtension.class)
class CollectorsApiTest {

    /** Any past hour: the Prometheus history is written for it; the app's clock starts 70 minutes after it. */
    private static final Instant TO = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant NOW = TO.plus(70, ChronoUnit.MINUTES);
    private static final Instant FROM = TO.minus(2, ChronoUnit.HOURS);
    @TempDir
    static Path dir;
    private static LocalPrometheus prometheus;
    private static RunningApp app;
    private static com.github.tomakehurst.wiremock.WireMockServer datadog;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        DemoTraffic traffic = new DemoTraffic(List.of("api-gateway", "search"),
                List.of(new DemoCustomer("acme", 3, 5000, "eu-west"), new DemoCustomer("globex", 1, 20, "us-east")), 3,
                FROM);
        prometheus = PrometheusHistory.start(dir, traffic, FROM, TO);
        datadog = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        datadog.start();
        long t = FROM.toEpochMilli();
        datadog.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v2/query/timeseries")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"data":{"type":"timeseries_response","attributes":{
                          "series":[{"group_tags":["service:dd-search","customer:acme"],"query_index":0,"unit":null},
                                    {"group_tags":["service:dd-search","tenant:acme"],"query_index":0,"unit":null}],
                          "times":[%d,%d],"values":[[40.0,60.0],[null,7.0]]}}}""".formatted(t, t + 60_000))));
        app = RunningApp.start(db, Map.ofEntries(Map.entry("plumbline.collectors.interval", "2s"),
                Map.entry("plumbline.clock.start", NOW.toString()),
                Map.entry("plumbline.collectors.datadog.dd.url", "http://127.0.0.1:" + datadog.port()),
                Map.entry("plumbline.collectors.datadog.dd.api-key", "k1"),
                Map.entry("plumbline.collectors.datadog.dd.app-key", "k2"),
                Map.entry("plumbline.collectors.first-lookback", Duration.between(FROM.minus(15, ChronoUnit.MINUTES), NOW).toMinutes() + "m"),
                Map.entry("plumbline.collectors.prometheus.demo.url", prometheus.url().toString()),
                Map.entry("plumbline.collectors.prometheus.broken.url", "http://127.0.0.1:9"),
                Map.entry("plumbline.collectors.prometheus.broken.timeout", "1s")));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (datadog != null) {
            datadog.stop();
        }
    }

    @Test
    void the_good_source_is_collected_and_the_broken_one_only_marks_itself_failing() throws Exception {
        Map<String, Object> demo = waitFor("demo", s -> s.get("lastSuccess") != null);
        Map<String, Object> broken = waitFor("broken", s -> ((Number) s.get("errors")).longValue() > 0);

        assertThat(((Number) demo.get("rowsWritten")).longValue()).isPositive();
        assertThat(((Number) demo.get("lagSeconds")).longValue()).isBetween(60L, 600L);   // 2 minutes behind now
        assertThat(demo.get("circuit")).isEqualTo("CLOSED");
        assertThat(broken.get("state")).isEqualTo("failing");
        // unreachable at first; after enough failures (a slow machine polls less often) its circuit is open
        assertThat((String) broken.get("lastError"))
                .matches("source broken: (unreachable.*|circuit-open: too many recent failures.*)");

        String day = FROM.toString().substring(0, 10);
        String today = NOW.toString().substring(0, 10);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slices = (List<Map<String, Object>>) app.jsonMap(app.getAs("engineer",
                "/api/v1/figures/slices?service=search&from=" + day + "&to=" + today).body()).get("items");
        PrometheusSource source = PrometheusSource.of("demo", prometheus.url(), MetricNames.plumbline());
        // everything Prometheus holds (the history has 5 minutes either side), all of which was collected
        Instant end = TO.plus(10, ChronoUnit.MINUTES);
        String range = "[" + (Duration.between(FROM.minus(10, ChronoUnit.MINUTES), end).toSeconds() - 30) + "s:1m]";
        for (Series s : new PrometheusHttpApi(source).queryRange("sum_over_time((" + PromQl.requests(source.names()) + ")"
                + range + ")", end, end, Duration.ofMinutes(1))) {
            if (!s.labels().get("service").equals("search")) {
                continue;
            }
            Map<String, Object> slice = slices.stream().filter(x -> ((String) ((Map<?, ?>) x.get("current")).get("key")).endsWith("/" + s.labels().get("customer")))
                    .findFirst().orElseThrow();
            assertThat(((Number) ((Map<?, ?>) slice.get("current")).get("requests")).doubleValue())
                    .isCloseTo(s.values()[0], org.assertj.core.api.Assertions.within(1e-9 * s.values()[0]));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_datadog_source_gives_exact_counts_and_says_why_it_has_no_percentiles() throws Exception {
        waitFor("dd", s -> ((Number) s.get("rowsWritten")).longValue() > 0);
        String day = FROM.toString().substring(0, 10);
        String today = NOW.toString().substring(0, 10);
        List<Map<String, Object>> services = (List<Map<String, Object>>) app.jsonMap(app.getAs("engineer",
                "/api/v1/figures/services?from=" + day + "&to=" + today).body()).get("items");
        Map<String, Object> dd = (Map<String, Object>) services.stream()
                .map(m -> (Map<String, Object>) m.get("current")).filter(c -> c.get("service").equals("dd-search"))
                .findFirst().orElseThrow();
        assertThat(((Number) dd.get("requests")).doubleValue()).isEqualTo(100.0);
        assertThat(dd).doesNotContainKey("p95Seconds");
        assertThat((String) dd.get("latencyNote")).contains("percentiles only");
        datadog.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v2/query/timeseries"))
                .withHeader("DD-API-KEY", com.github.tomakehurst.wiremock.client.WireMock.equalTo("k1")));
    }

    @Test
    void a_datadog_series_without_the_customer_tag_is_counted_and_named_on_the_status() throws Exception {
        Map<String, Object> dd = waitFor("dd", s -> s.get("refused") instanceof Map<?, ?> r && r.get("warning") != null);
        Map<?, ?> refused = (Map<?, ?>) dd.get("refused");

        assertThat(((Number) refused.get("untaggedSeries")).longValue()).isPositive();
        assertThat(((Number) refused.get("minutesNotCovered")).longValue()).isPositive();
        assertThat((String) refused.get("warning")).contains("series without the service or customer tag dropped")
                .contains("a series tagged service:dd-search,tenant:acme");
        Map<String, Object> demo = waitFor("demo", s -> s.get("lastSuccess") != null);
        assertThat(((Map<?, ?>) demo.get("refused")).get("untaggedSeries")).as("a sound source refuses nothing")
                .isEqualTo(0);
        assertThat(demo.get("read")).as("a real Prometheus streams remote read (read: auto)").isEqualTo("remote read");
    }

    @Test
    void a_backfill_reports_its_progress_to_the_end() throws Exception {
        HttpResponse<String> started = app.send("POST", "/api/v1/collectors/demo/backfill",
                "{\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"}", RunningApp.basic("admin"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

        Map<String, Object> done = waitFor("demo", s -> s.get("backfill") instanceof Map<?, ?> b && "done".equals(b.get("state")));
        Map<?, ?> backfill = (Map<?, ?>) done.get("backfill");
        assertThat(backfill.get("chunksDone")).isEqualTo(2);
        assertThat(backfill.get("chunksTotal")).isEqualTo(2);
        assertThat(((Number) backfill.get("fraction")).doubleValue()).isEqualTo(1.0);

        HttpResponse<String> wrong = app.send("POST", "/api/v1/collectors/demo/backfill",
                "{\"from\":\"yesterday\",\"to\":\"" + TO + "\"}", RunningApp.basic("admin"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("from: must be an instant like 2026-10-01T00:00:00Z, was 'yesterday'");
        HttpResponse<String> unknown = app.send("POST", "/api/v1/collectors/nope/backfill",
                "{\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"}", RunningApp.basic("admin"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no source named 'nope'");
    }

    @Test
    void self_metrics_carry_each_source() throws Exception {
        waitFor("demo", s -> s.get("lastSuccess") != null);
        String metrics = app.getAs("admin", "/metrics").body();
        assertThat(metrics).contains("plumbline_collector_rows_written_total{source=\"demo\"}")
                .contains("plumbline_collector_errors_total{source=\"broken\"}")
                .contains("plumbline_collector_lag_seconds{source=\"demo\"}")
                .contains("plumbline_collector_spool_batches 0");
    }

    private static Map<String, Object> waitFor(String source, java.util.function.Predicate<Map<String, Object>> ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> s : app.jsonList(app.getAs("engineer", "/api/v1/collectors").body())) {
                if (s.get("source").equals(source)) {
                    last = s;
                }
            }
            if (last != null && ready.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("source " + source + " did not get there within 60 s; last status: " + last);
    }
}
