package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.SourceException;
import dev.plumbline.collectors.telemetry.Progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoSlice;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.demo.PlantedProblem;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.psr.Histogram;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus collector against a real Prometheus holding two hours of the demo platform's history (written by
 * promtool from the same generator), into a real ClickHouse. The oracle is Prometheus itself: the same per-minute
 * increases, summed over the range and bucketed the same way, through its own histogram_quantile.
 */
@ExtendWith(ClickHouseExtension.class)
class PrometheusOracleTest {

    private static final NamedQuery STORED = NamedQuery.load(PrometheusOracleTest.class, "stored_slices.sql");
    /** Any past hour: the history is written for it, and every clock below is set relative to it. */
    static final Instant TO = Instant.parse("2026-06-15T10:00:00Z");
    static final Clock LATER = Clock.fixed(TO.plus(2, ChronoUnit.HOURS), ZoneOffset.UTC);
    static final Instant FROM = TO.minus(2, ChronoUnit.HOURS);

    @TempDir
    static Path dir;
    private static LocalPrometheus prometheus;
    private static DemoTraffic traffic;
    private static ClickHouse clickHouse;
    private static PrometheusSource source;
    private static Progress first;
    private static final List<Progress> reported = new ArrayList<>();
    private static final List<String> queries = new ArrayList<>();

    @BeforeAll
    static void setUp(TestDatabase db) throws Exception {
        traffic = new DemoTraffic(List.of("api-gateway", "search", "checkout", "billing", "reports"), customers(), 7,
                FROM.plus(30, ChronoUnit.MINUTES));
        prometheus = dev.plumbline.collectors.testing.PrometheusHistory.start(dir, traffic, FROM, TO);
        clickHouse = db.migrate().clickHouse();
        source = PrometheusSource.of("prom-demo", prometheus.url(), MetricNames.plumbline());
        first = collector(LATER).backfill(FROM, TO, reported::add);
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    static List<DemoCustomer> customers() {
        List<DemoCustomer> out = new ArrayList<>();
        String[] regions = {"us-east", "eu-west", "ap-south"};
        for (int i = 0; i < 12; i++) {
            out.add(new DemoCustomer(String.format("c%02d", i), 0.3 + i * 0.4, i % 4 == 0 ? 2000 : 50 + i * 10,
                    regions[i % 3]));
        }
        return out;
    }

    static PrometheusCollector collector(Clock clock) {
        PrometheusApi http = new PrometheusHttpApi(source);
        PrometheusApi counting = (q, s, e, step) -> {
            queries.add(q);
            return http.queryRange(q, s, e, step);
        };
        return new PrometheusCollector(source, counting, writer(clickHouse, dir.resolve("spool-" + source.name())),
                new WatermarkStore(clickHouse, clock), clock);
    }

    /** The store path a collector writes through, with its spool. */
    static dev.plumbline.collectors.spool.SpooledWriter writer(ClickHouse ch, Path spoolDir) {
        return new dev.plumbline.collectors.spool.SpooledWriter(new TelemetryStore(ch, LATER), new RollupStore(ch, LATER),
                new dev.plumbline.collectors.spool.Spool(spoolDir, 1L << 30));
    }

    @Test
    void counts_and_percentiles_per_slice_equal_prometheus_over_the_same_minutes() {
        Map<String, Stored> stored = stored();
        // the points FROM + 1m .. TO, whether the range's left end is closed (Prometheus 2) or open (3)
        String range = "[" + (Duration.between(FROM, TO).toSeconds() - 30) + "s:1m]";
        Map<String, Double> requests = oracle("sum_over_time((" + PromQl.requests(source.names()) + ")" + range + ")");
        Map<String, Double> errors = oracle("sum_over_time((" + PromQl.errors(source.names()) + ")" + range + ")");
        String merged = "sum by (service, customer, le) (sum_over_time((" + PromQl.buckets(source.names()) + ")" + range + "))";
        Map<String, Double> p95 = oracle("histogram_quantile(0.95, " + merged + ")");
        Map<String, Double> p99 = oracle("histogram_quantile(0.99, " + merged + ")");

        assertThat(stored.keySet()).isEqualTo(requests.keySet());
        assertThat(stored).hasSize(traffic.slices().size());
        for (var e : stored.entrySet()) {
            Stored s = e.getValue();
            String k = e.getKey();
            assertThat(s.requests).as(k + " requests").isCloseTo(requests.get(k), within(1e-9 * requests.get(k)));
            assertThat(s.errors).as(k + " errors").isCloseTo(errors.getOrDefault(k, 0.0), within(1e-9 * s.requests));
            Histogram h = new Histogram(s.le, s.counts);
            assertThat(h.quantile(0.95)).as(k + " p95").isCloseTo(p95.get(k), within(1e-9 * p95.get(k)));
            assertThat(h.quantile(0.99)).as(k + " p99").isCloseTo(p99.get(k), within(1e-9 * p99.get(k)));
        }
    }

    @Test
    void the_planted_problems_show_in_what_was_stored() {
        Map<String, Stored> stored = stored();
        PlantedProblem slow = traffic.planted().stream().filter(p -> p.name().equals("search-large-volume")).findFirst().orElseThrow();
        assertThat(slow.slices()).isNotEmpty();
        for (DemoSlice s : traffic.slices()) {
            if (!s.service().equals("search")) {
                continue;
            }
            double p95 = new Histogram(stored.get(s.service() + "/" + s.customer()).le,
                    stored.get(s.service() + "/" + s.customer()).counts).quantile(0.95);
            if (slow.slices().contains(s)) {
                assertThat(p95).as(s + " is planted slow").isGreaterThan(0.25);
            } else {
                assertThat(p95).as(s + " is not").isLessThan(0.25);
            }
        }
        for (DemoSlice s : traffic.slices()) {
            if (s.service().equals("checkout")) {
                Stored c = stored.get("checkout/" + s.customer());
                assertThat(c.errors / c.requests).as(s + ": 10% for 90 of the 120 minutes").isBetween(0.04, 0.11);
            }
        }
    }

    @Test
    void one_query_per_family_and_chunk_and_progress_reported_per_chunk() {
        assertThat(first.chunksTotal()).isEqualTo(2);   // two hours in 1-hour chunks
        assertThat(first.queries()).isEqualTo(6);
        assertThat(first.rows()).isPositive();
        assertThat(reported).extracting(Progress::chunksDone).containsExactly(0, 1, 2);
        assertThat(reported.getLast().fraction()).isEqualTo(1.0);
        assertThat(reported.getLast().doneUpTo()).isEqualTo(TO);
    }

    @Test
    void collecting_the_same_minutes_again_changes_no_count() {
        Map<String, Stored> before = stored();
        collector(LATER).backfill(FROM, TO, p -> { });
        Map<String, Stored> after = stored();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((k, b) -> {
            assertThat(after.get(k).requests).as(k).isEqualTo(b.requests);
            assertThat(after.get(k).rows).as(k).isEqualTo(b.rows);
        });
    }

    @Test
    void fetching_chunks_in_parallel_stores_exactly_the_same() {
        PrometheusSource parallel = PrometheusSource.of("prom-parallel", prometheus.url(), MetricNames.plumbline())
                .withChunk(Duration.ofMinutes(15));
        PrometheusCollector c = new PrometheusCollector(parallel, new PrometheusHttpApi(parallel),
                writer(clickHouse, dir.resolve("spool-parallel")), new WatermarkStore(clickHouse, LATER), LATER);
        c.setFetchParallelism(3);
        List<Progress> seen = new ArrayList<>();
        Progress done = c.backfill(FROM, TO, seen::add);

        assertThat(done.chunksDone()).isEqualTo(8);
        assertThat(done.queries()).isEqualTo(24);
        assertThat(seen).extracting(Progress::doneUpTo).isSorted();
        Map<String, Stored> expected = stored("prom-demo");
        Map<String, Stored> actual = stored("prom-parallel");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, e) -> {
            assertThat(actual.get(k).requests).as(k).isEqualTo(e.requests);
            assertThat(actual.get(k).counts).as(k).isEqualTo(e.counts);
        });
    }

    @Test
    void after_a_restart_collection_continues_from_the_watermark() {
        PrometheusCollector restarted = collector(Clock.fixed(TO.plus(source.delay()), ZoneOffset.UTC));
        assertThat(restarted.watermark()).contains(TO);
        Progress nothing = restarted.collect(FROM, p -> { });
        assertThat(nothing.chunksTotal()).isZero();

        PrometheusCollector later = collector(Clock.fixed(TO.plus(20, ChronoUnit.MINUTES).plus(source.delay()), ZoneOffset.UTC));
        int before = queries.size();
        Progress next = later.collect(FROM, p -> { });
        assertThat(next.from()).isEqualTo(TO);
        assertThat(next.to()).isEqualTo(TO.plus(20, ChronoUnit.MINUTES));
        assertThat(queries.size() - before).isEqualTo(3);
        assertThat(later.watermark()).contains(TO.plus(20, ChronoUnit.MINUTES));
    }

    @Test
    void a_gap_while_prometheus_is_down_is_filled_when_it_returns() throws Exception {
        PrometheusSource gapSource = PrometheusSource.of("prom-gap", prometheus.url(), MetricNames.plumbline());
        Clock atTo = Clock.fixed(TO.plus(gapSource.delay()), ZoneOffset.UTC);
        PrometheusCollector gap = new PrometheusCollector(gapSource,
                new ResilientPrometheusApi("prom-gap", new PrometheusHttpApi(gapSource), 2, Duration.ofMillis(50),
                        Duration.ofMillis(1)),   // the circuit half-opens at once: the next call after the outage tries
                writer(clickHouse, dir.resolve("spool-gap")), new WatermarkStore(clickHouse, atTo), atTo);
        gap.backfill(FROM, FROM.plus(1, ChronoUnit.HOURS), p -> { });

        prometheus.stop();
        try {
            assertThatThrownBy(() -> gap.collect(FROM, p -> { })).isInstanceOfSatisfying(SourceException.class,
                    e -> assertThat(e.retryable()).isTrue());
            assertThat(gap.watermark()).contains(FROM.plus(1, ChronoUnit.HOURS));
        } finally {
            prometheus.start();
        }
        Progress filled = gap.collect(FROM, p -> { });

        assertThat(filled.from()).isEqualTo(FROM.plus(1, ChronoUnit.HOURS));
        assertThat(gap.watermark()).contains(TO);
        Map<String, Stored> expected = stored("prom-demo");
        Map<String, Stored> actual = stored("prom-gap");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, e) -> {
            assertThat(actual.get(k).requests).as(k).isEqualTo(e.requests);
            assertThat(actual.get(k).errors).as(k).isEqualTo(e.errors);
            assertThat(actual.get(k).counts).as(k).isEqualTo(e.counts);
        });
    }

    @Test
    void a_first_start_in_the_future_of_what_is_due_holds_until_collection_catches_up() {
        PrometheusSource fresh = PrometheusSource.of("prom-fresh", prometheus.url(), MetricNames.plumbline());
        Instant start = TO.minus(30, ChronoUnit.MINUTES);
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(start);
        Clock moving = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        PrometheusCollector c = new PrometheusCollector(fresh, new PrometheusHttpApi(fresh),
                writer(clickHouse, dir.resolve("spool-fresh")), new WatermarkStore(clickHouse, moving), moving);
        assertThat(c.collect(start, p -> { }).chunksTotal()).isZero();   // nothing due: now - delay < start
        now.set(start.plus(10, ChronoUnit.MINUTES));
        Progress later = c.collect(now.get(), p -> { });                 // a caller passing "now" again
        assertThat(later.from()).isEqualTo(start);
        assertThat(later.to()).isEqualTo(start.plus(8, ChronoUnit.MINUTES));
        assertThat(later.rows()).isPositive();
    }

    @Test
    void prometheus_errors_name_the_status_and_type() {
        PrometheusHttpApi api = new PrometheusHttpApi(source);
        assertThatThrownBy(() -> api.queryRange("sum(", FROM, TO, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("bad_data");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("source prom-demo: HTTP 400 bad_data: ");
                });
        assertThat(api.queryRange(PromQl.requests(MetricNames.micrometer()), FROM, TO, Duration.ofMinutes(1))).isEmpty();
    }

    private record Stored(double requests, double errors, List<Double> le, List<Double> counts, long rows) {
    }

    private Map<String, Stored> stored() {
        return stored(source.name());
    }

    private Map<String, Stored> stored(String sourceName) {
        Map<String, Stored> out = new HashMap<>();
        clickHouse.query(STORED, dev.plumbline.sql.Params.of("source", sourceName).and("from", FROM).and("to", TO),
                row -> out.put(row.getString("service") + "/" + row.getString("customer"), new Stored(
                        row.getDouble("requests"), row.getDouble("errors"), row.getDoubles("le"), row.getDoubles("counts"),
                        row.getLong("rows"))));
        return out;
    }

    /** An instant query at TO, through the range API (one point), keyed service/customer. */
    private static Map<String, Double> oracle(String promql) {
        Map<String, Double> out = new HashMap<>();
        for (Series s : new PrometheusHttpApi(source).queryRange(promql, TO, TO, Duration.ofMinutes(1))) {
            if (s.values().length == 1 && !Double.isNaN(s.values()[0])) {
                out.put(s.labels().get("service") + "/" + s.labels().get("customer"), s.values()[0]);
            }
        }
        return out;
    }

}
