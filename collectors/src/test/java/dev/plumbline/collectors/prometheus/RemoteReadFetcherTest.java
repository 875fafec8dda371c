package dev.plumbline.collectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.demo.OpenMetricsHistory;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote read against a real Prometheus 2.42 holding two hours of the demo platform's history scraped every 15 s,
 * 7 s off the minute (promtool blocks). The oracle is Prometheus' own raw counters: per slice, the requests and errors
 * the remote-read minutes add up to over a chunk equal the difference of the counters' last samples before the
 * chunk's end and before its start (an instant selector, no extrapolation); the query_range path's minutes, from
 * {@code increase()}, do not. The histogram's +Inf bucket adds up to the requests minute by minute.
 */
class RemoteReadFetcherTest {

    static final Instant TO = Instant.parse("2026-06-15T10:00:00Z");
    static final Instant FROM = TO.minus(2, ChronoUnit.HOURS);
    private static LocalPrometheus prometheus;
    private static PrometheusSource source;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        DemoTraffic traffic = new DemoTraffic(List.of("api-gateway", "search", "checkout"),
                PrometheusOracleTest.customers().subList(0, 6), 7, FROM.plus(30, ChronoUnit.MINUTES));
        Path om = dir.resolve("history.om");
        try (Writer out = Files.newBufferedWriter(om)) {
            OpenMetricsHistory.write(traffic, FROM.minus(5, ChronoUnit.MINUTES).plusSeconds(7),
                    TO.plus(5, ChronoUnit.MINUTES), Duration.ofSeconds(15), out);
        }
        LocalPrometheus.backfill(om, dir.resolve("prometheus"));
        prometheus = LocalPrometheus.start(dir.resolve("prometheus"), List.of(), Duration.ofSeconds(15));
        source = PrometheusSource.of("prom-remote", prometheus.url(), MetricNames.plumbline());
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static RemoteReadFetcher remote() {
        return new RemoteReadFetcher(source, RemoteReadFetcher.client(source),
                dev.plumbline.collectors.telemetry.Resilience.of(source.name()));
    }

    /** Per "service/customer", the sum of the raw counters' last samples at or before {@code at} (instant query). */
    private static Map<String, Double> lastValues(String promql, Instant at) throws Exception {
        URI uri = prometheus.url().resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000));
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\\{\"metric\":\\{\"customer\":\"([^\"]+)\",\"service\":\"([^\"]+)\"},\"value\":"
                + "\\[[0-9.]+,\"([^\"]+)\"]}").matcher(body);
        Map<String, Double> out = new HashMap<>();
        while (m.find()) {
            out.put(m.group(2) + "/" + m.group(1), Double.valueOf(m.group(3)));
        }
        assertThat(out).as(body).isNotEmpty();
        return out;
    }

    private static Map<String, double[]> totals(List<TelemetryMinute> minutes) {
        Map<String, double[]> out = new HashMap<>();
        for (TelemetryMinute m : minutes) {
            double[] t = out.computeIfAbsent(m.service() + "/" + m.customer(), k -> new double[2]);
            t[0] += m.requests();
            t[1] += m.errors();
        }
        return out;
    }

    @Test
    void the_minutes_add_up_to_the_raw_counters_difference_where_increase_does_not() throws Exception {
        Instant from = FROM.plus(20, ChronoUnit.MINUTES);
        Instant to = from.plus(1, ChronoUnit.HOURS);
        Map<String, double[]> exact = totals(remote().fetch(from, to).minutes());
        Map<String, double[]> estimated = totals(new PrometheusFetcher(source, new PrometheusHttpApi(source))
                .fetch(from, to).minutes());
        String count = "sum by (service, customer) (http_server_request_duration_seconds_count)";
        String failed = "sum by (service, customer) (http_server_requests_total{status_code=~\"5..\"})";
        Map<String, Double> countEnd = lastValues(count, to.minusMillis(1));
        Map<String, Double> countStart = lastValues(count, from.minusMillis(1));
        Map<String, Double> failedEnd = lastValues(failed, to.minusMillis(1));
        Map<String, Double> failedStart = lastValues(failed, from.minusMillis(1));

        assertThat(exact.keySet()).isEqualTo(countEnd.keySet());
        int differs = 0;
        for (String slice : countEnd.keySet()) {
            double requests = countEnd.get(slice) - countStart.get(slice);
            assertThat(exact.get(slice)[0]).as(slice + " requests").isEqualTo(requests);
            double errors = failedEnd.getOrDefault(slice, 0.0) - failedStart.getOrDefault(slice, 0.0);
            assertThat(exact.get(slice)[1]).as(slice + " errors").isEqualTo(errors);
            if (estimated.get(slice)[0] != requests) {
                differs++;
            }
        }
        assertThat(differs).as("increase() extrapolates the off-minute scrapes").isPositive();
    }

    @Test
    void every_minute_holds_its_histogram_and_the_inf_bucket_is_its_requests() {
        List<TelemetryMinute> minutes = remote().fetch(FROM, FROM.plus(1, ChronoUnit.HOURS)).minutes();
        assertThat(minutes).isNotEmpty().allSatisfy(m -> {
            assertThat(m.minute()).isBetween(FROM, FROM.plus(59, ChronoUnit.MINUTES));
            assertThat(m.latencyLe()).isNotEmpty();
            double all = m.latencyCounts().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(all).as(m.service() + "/" + m.customer() + " at " + m.minute()).isEqualTo(m.requests());
        });
        assertThat(minutes.stream().map(TelemetryMinute::minute).distinct().count()).isEqualTo(60);
    }
}
