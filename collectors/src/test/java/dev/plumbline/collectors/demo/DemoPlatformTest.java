package dev.plumbline.collectors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.collectors.prometheus.PrometheusHttpApi;
import dev.plumbline.collectors.prometheus.PrometheusSource;
import dev.plumbline.collectors.prometheus.Series;
import dev.plumbline.collectors.testing.LocalPrometheus;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live demo platform serves real instrumentation that a real Prometheus scrapes. */
class DemoPlatformTest {

    private static final List<String> SERVICES = List.of("api-gateway", "search", "checkout");
    private static final List<DemoCustomer> CUSTOMERS = List.of(new DemoCustomer("big", 40, 5000, "eu-west"),
            new DemoCustomer("small", 2, 10, "us-east"));

    @Test
    void the_same_second_always_gives_the_same_requests() {
        DemoTraffic a = new DemoTraffic(SERVICES, CUSTOMERS, 1, Instant.EPOCH);
        DemoTraffic b = new DemoTraffic(SERVICES, CUSTOMERS, 1, Instant.EPOCH);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        a.second(1_790_000_000L, (s, f, t) -> first.append(s).append(f).append(t));
        b.second(1_790_000_000L, (s, f, t) -> second.append(s).append(f).append(t));
        assertThat(first).isNotEmpty();
        assertThat(first.toString()).isEqualTo(second.toString());
    }

    @Test
    void the_planted_problems_name_their_slices() {
        DemoTraffic traffic = new DemoTraffic(SERVICES, CUSTOMERS, 1, Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(traffic.planted()).extracting(PlantedProblem::name)
                .containsExactly("search-large-volume", "checkout-deploy", "eu-west-gateway");
        assertThat(traffic.planted().getFirst().slices()).containsExactly(new DemoSlice("search", "big"));
        assertThat(traffic.planted().get(2).slices()).containsExactly(new DemoSlice("api-gateway", "big"));
        assertThat(traffic.planted().get(1).hits(new DemoSlice("checkout", "small"), Instant.parse("2026-11-01T13:59:59Z")))
                .isEqualTo(traffic.slices().contains(new DemoSlice("checkout", "small")));
        assertThat(traffic.planted().get(1).hits(new DemoSlice("checkout", "small"), Instant.parse("2026-11-01T14:00:00Z")))
                .isFalse();
    }

    @Test
    void prometheus_scrapes_the_histogram_and_counters_by_service_customer_and_status(@TempDir Path dir) throws Exception {
        DemoTraffic traffic = new DemoTraffic(SERVICES, CUSTOMERS, 1, Instant.EPOCH);
        try (DemoPlatform platform = DemoPlatform.start(traffic, 0, Clock.systemUTC());
             LocalPrometheus prometheus = LocalPrometheus.start(dir, List.of(platform.metricsUrl()), Duration.ofSeconds(1))) {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.metricsUrl()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(text).contains("http_server_request_duration_seconds_bucket{customer=\"big\",service=\"search\",status_code=\"500\",le=\"0.005\"}")
                    .contains("http_server_requests_total{customer=\"small\",service=\"api-gateway\",status_code=\"200\"}");

            PrometheusHttpApi api = new PrometheusHttpApi(PrometheusSource.of("demo", prometheus.url(), MetricNames.plumbline()));
            AtomicLong series = new AtomicLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (series.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                Instant now = Instant.now();
                List<Series> result = api.queryRange("sum by (service, customer) (http_server_request_duration_seconds_count)",
                        now, now, Duration.ofSeconds(1));
                series.set(result.stream().filter(s -> s.values().length > 0 && s.values()[0] > 0).count());
            }
            assertThat(series.get()).as("slices with requests seen by Prometheus").isPositive();
        }
    }
}
