package dev.plumbline.collectors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.testing.LocalPrometheus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    void an_expected_hour_matches_the_seconds_it_stands_for() {
        Instant hour = Instant.parse("2026-11-02T14:00:00Z");
        DemoTraffic traffic = new DemoTraffic(SERVICES, CUSTOMERS, 1, Instant.parse("2026-11-02T14:00:00Z"));
        java.util.Map<DemoSlice, double[]> sampled = new java.util.HashMap<>();   // requests, errors, <= 0.1 s
        for (long s = hour.getEpochSecond(); s < hour.getEpochSecond() + 3600; s++) {
            traffic.second(s, (slice, failed, seconds) -> {
                double[] t = sampled.computeIfAbsent(slice, k -> new double[3]);
                t[0]++;
                t[1] += failed ? 1 : 0;
                t[2] += seconds <= 0.1 ? 1 : 0;
            });
        }
        for (DemoTraffic.ExpectedHour e : traffic.expectedHour(hour)) {
            double[] t = sampled.get(e.slice());
            assertThat(t[0]).as(e.slice() + " requests").isCloseTo(e.requests(), org.assertj.core.api.Assertions.withinPercentage(5));
            double fastShare = (e.bucketCounts()[0] + e.bucketCounts()[1] + e.bucketCounts()[2] + e.bucketCounts()[3]
                    + e.bucketCounts()[4]) / e.requests();
            assertThat(t[2] / t[0]).as(e.slice() + " share <= 0.1 s").isCloseTo(fastShare, org.assertj.core.api.Assertions.within(0.03));
            assertThat(java.util.Arrays.stream(e.bucketCounts()).sum()).isCloseTo(e.requests(), org.assertj.core.api.Assertions.within(1e-6));
        }
        DemoTraffic.ExpectedHour checkout = traffic.expectedHour(hour).stream()
                .filter(e -> e.slice().service().equals("checkout")).findFirst().orElseThrow();
        assertThat(checkout.errors() / checkout.requests()).as("the planted deploy's burst").isCloseTo(0.10, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void the_normal_distribution_function_is_right_to_seven_places() {
        assertThat(DemoTraffic.normalCdf(0)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-7));
        assertThat(DemoTraffic.normalCdf(1.959963985)).isCloseTo(0.975, org.assertj.core.api.Assertions.within(2e-7));
        assertThat(DemoTraffic.normalCdf(-1)).isCloseTo(0.158655254, org.assertj.core.api.Assertions.within(2e-7));
    }

    @Test
    void the_planted_problems_name_their_slices() {
        DemoTraffic traffic = new DemoTraffic(SERVICES, CUSTOMERS, 1, Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(traffic.planted()).extracting(PlantedProblem::name)
                .containsExactly("search-large-volume", "checkout-deploy", "eu-west-gateway", "checkout-deploy-residual");
        assertThat(traffic.planted().getFirst().slices()).containsExactly(new DemoSlice("search", "big"));
        assertThat(traffic.planted().get(2).slices()).containsExactly(new DemoSlice("api-gateway", "big"));
        assertThat(traffic.planted().get(1).hits(new DemoSlice("checkout", "small"), Instant.parse("2026-11-01T13:59:59Z")))
                .isEqualTo(traffic.slices().contains(new DemoSlice("checkout", "small")));
        assertThat(traffic.planted().get(1).hits(new DemoSlice("checkout", "small"), Instant.parse("2026-11-01T14:00:00Z")))
                .isFalse();
        PlantedProblem residual = traffic.planted().get(3);
        assertThat(residual.slices()).as("checkout's busiest customers: both of these two")
                .isEqualTo(traffic.slices().stream().filter(s -> s.service().equals("checkout")).collect(java.util.stream.Collectors.toSet()));
        assertThat(residual.from()).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
        assertThat(residual.to()).as("rolled back five days and two hours after the deploy")
                .isEqualTo(Instant.parse("2026-11-06T14:00:00Z"));
        assertThat(residual.errorRate()).isLessThan(0.10);
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

            // an instant query at Prometheus' own "now" (its clock, not this JVM's), polled until a deadline that fails
            URI query = prometheus.url().resolve("/api/v1/query?query=" + java.net.URLEncoder.encode(
                    "count(sum by (service, customer) (http_server_request_duration_seconds_count) > 0)",
                    java.nio.charset.StandardCharsets.UTF_8));
            java.util.regex.Pattern count = java.util.regex.Pattern.compile("\"value\":\\[[0-9.e+]+,\"(\\d+)\"\\]");
            long series = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (series == 0) {
                assertThat(System.nanoTime()).as("Prometheus saw no slice with requests within 30 s").isLessThan(deadline);
                Thread.sleep(500);   // the poll's pace: scrapes are every second
                String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(query).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                java.util.regex.Matcher m = count.matcher(body);
                series = m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            assertThat(series).as("slices with requests seen by Prometheus").isPositive();
        }
    }
}
