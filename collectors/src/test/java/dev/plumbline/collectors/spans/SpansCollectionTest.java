package dev.plumbline.collectors.spans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.collectors.telemetry.SourceException;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.spans.SpanMinute;
import dev.plumbline.sql.spans.SpanReader;
import dev.plumbline.sql.spans.SpanRules;
import dev.plumbline.sql.spans.SpanSchema;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spans with a planted problem in a real otel_traces and a real signoz_index_v3 (created from their projects' DDL),
 * collected by Plumbline: every stored slice and minute equals the truth summed span by span here, and a direct
 * query over the spans; the problem shows; what is dropped or caveated is counted; late spans and spans from clocks
 * that run ahead are handled as documented.
 */
@ExtendWith(ClickHouseExtension.class)
class SpansCollectionTest {

    private static final NamedQuery STORED = NamedQuery.load(SpansCollectionTest.class, "stored_minutes.sql");
    private static final NamedQuery DIRECT = NamedQuery.load(SpansCollectionTest.class, "otel_direct.sql");
    private static final Instant FROM = Instant.parse("2026-06-15T10:00:00Z");   // any past hour: spans are planted
    private static final int MINUTES = 30;
    private static final Instant TO = FROM.plus(Duration.ofMinutes(MINUTES));
    private static final List<Double> BOUNDS = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5);
    private static final List<Double> CATALOG_THRESHOLDS = List.of(0.3);
    private static List<PlantedSpans.Span> spans;
    private static ClickHouse ch;
    private static TestDatabase db;

    @BeforeAll
    static void plant(TestDatabase database) {
        db = database.migrate();
        ch = db.clickHouse();
        ch.executeScript("otel_traces", text("otel_traces.sql"));
        ch.executeScript("signoz_index_v3", text("signoz_index_v3.sql"));
        ch.executeScript("signoz_ttl_stopped", "SYSTEM STOP TTL MERGES signoz_index_v3");   // spans planted in the past
        spans = PlantedSpans.generate(18, FROM, MINUTES, 10, 20);
        ch.executeScript("plant_otel", "INSERT INTO otel_traces FORMAT JSONEachRow\n" + PlantedSpans.otelRows(spans));
        ch.executeScript("plant_signoz", "INSERT INTO signoz_index_v3 FORMAT JSONEachRow\n" + PlantedSpans.signozRows(spans));
    }

    @Test
    void otel_spans_stored_per_slice_and_minute_equal_the_planted_truth_and_a_direct_query(@TempDir Path dir) {
        SpansFetcher fetcher = fetcher("otel-spans", SpanSchema.OTEL, "otel_traces", rules());
        collector(fetcher, dir, Clock.fixed(TO.plus(Duration.ofHours(1)), ZoneOffset.UTC)).backfill(FROM, TO, p -> { });

        Map<String, PlantedSpans.Truth> truth = PlantedSpans.truth(spans, FROM, TO, false);
        Map<String, double[]> stored = stored("otel-spans", FROM, TO);
        Map<String, double[]> direct = direct(FROM, TO);
        assertThat(stored.keySet()).isEqualTo(truth.keySet()).isEqualTo(direct.keySet());
        assertThat(truth).hasSize(2 * PlantedSpans.CUSTOMERS.size() * MINUTES);
        truth.forEach((k, t) -> {
            assertEquals(k, stored.get(k), t);
            assertEquals(k + " (direct)", direct.get(k), t);
        });
        assertProblemShows(stored);

        SpanTally tally = fetcher.tally();
        List<PlantedSpans.Span> requests = spans.stream().filter(PlantedSpans.Span::request).toList();
        assertThat(tally.spans()).isEqualTo(requests.size());
        assertThat(tally.noCustomer()).isEqualTo(3L * MINUTES).isEqualTo(requests.stream().filter(s -> s.customer() == null).count());
        assertThat(tally.unknownStatus()).isPositive().isEqualTo(requests.stream().filter(s -> s.status() == 7).count());
        assertThat(tally.badWeight()).isPositive().isEqualTo(requests.stream().filter(s -> "abc".equals(s.weight())).count());
        assertThat(tally.late()).isZero();
        assertThat(tally.describe()).contains(tally.noCustomer() + " without the customer attribute dropped");
    }

    @Test
    void signoz_spans_give_the_same_figures(@TempDir Path dir) {
        SpansFetcher fetcher = fetcher("signoz-spans", SpanSchema.SIGNOZ, "signoz_index_v3", rules());
        collector(fetcher, dir, Clock.fixed(TO.plus(Duration.ofHours(1)), ZoneOffset.UTC)).backfill(FROM, TO, p -> { });

        Map<String, PlantedSpans.Truth> truth = PlantedSpans.truth(spans, FROM, TO, false);
        Map<String, double[]> stored = stored("signoz-spans", FROM, TO);
        assertThat(stored.keySet()).isEqualTo(truth.keySet());
        truth.forEach((k, t) -> assertEquals(k, stored.get(k), t));
        assertProblemShows(stored);
        SpanTally tally = fetcher.tally();
        assertThat(tally.noCustomer()).isEqualTo(3L * MINUTES);
        assertThat(tally.unknownStatus()).isEqualTo(spans.stream().filter(s -> s.request() && s.status() == 7).count());
        assertThat(tally.badWeight()).isEqualTo(spans.stream().filter(s -> s.request() && "abc".equals(s.weight())).count());
    }

    @Test
    void root_spans_a_resource_attribute_and_the_http_status_rule_count_as_configured() {
        Map<String, PlantedSpans.Truth> roots = PlantedSpans.truth(spans, FROM, TO, true);
        Map<String, PlantedSpans.Truth> servers = PlantedSpans.truth(spans, FROM, TO, false);
        for (SpanSchema schema : SpanSchema.values()) {
            SpanReader reader = new SpanReader(ch, schema, db.name(), schema.defaultTable());
            SpanRules root = new SpanRules("root", "customer.id", false, "status", "http.response.status_code",
                    500, 599, "adjusted-count", "sampling.adjusted_count", false, BOUNDS);
            Map<String, SpanMinute> byRoot = byKey(reader.minutes(FROM, TO, root));
            assertThat(byRoot.keySet()).as(schema + " roots").isEqualTo(roots.keySet());
            roots.forEach((k, t) -> assertThat(byRoot.get(k).requests()).as(k).isEqualTo(t.requests()));

            SpanRules http = new SpanRules("server", "customer.id", false, "http-status", "http.response.status_code",
                    500, 599, "adjusted-count", "sampling.adjusted_count", false, BOUNDS);
            List<SpanMinute> httpRows = reader.minutes(FROM, TO, http);
            Map<String, SpanMinute> byHttp = byKey(httpRows);
            servers.forEach((k, t) -> assertThat(byHttp.get(k).errors()).as(schema + " " + k).isEqualTo(t.httpErrors()));
            assertThat(httpRows.stream().filter(m -> !m.customer().isEmpty()).mapToLong(SpanMinute::badHttpStatus).sum())
                    .isPositive()
                    .isEqualTo(spans.stream().filter(s -> s.request() && s.customer() != null && s.http() == 0).count());
        }
        SpanRules resource = new SpanRules("server", "tenant", true, "status", "http.response.status_code", 500, 599,
                "adjusted-count", "sampling.adjusted_count", false, BOUNDS);
        Map<String, SpanMinute> byResource = byKey(new SpanReader(ch, SpanSchema.OTEL, db.name(), "otel_traces")
                .minutes(FROM, TO, resource));
        servers.forEach((k, t) -> assertThat(byResource.get(k).requests()).as(k).isEqualTo(t.requests()));
    }

    @Test
    void late_spans_are_collected_again_within_the_lateness_and_counted_later_ones_by_a_backfill(@TempDir Path dir) {
        Instant start = FROM.plus(Duration.ofDays(1));
        List<PlantedSpans.Span> first = PlantedSpans.generate(3, start, 20, 0, 0);
        insert("otel_late", first);
        MutableClock clock = new MutableClock(start.plus(Duration.ofMinutes(21)));   // due: up to start + 20 min
        SpansFetcher fetcher = fetcher("otel-late", SpanSchema.OTEL, "otel_traces", rules());
        SpansCollector collector = collector(fetcher, dir, clock);
        collector.collect(start, p -> { });
        assertThat(collector.watermark()).contains(start.plus(Duration.ofMinutes(20)));

        List<PlantedSpans.Span> lateWithin = PlantedSpans.generate(4, start.plus(Duration.ofMinutes(15)), 2, 0, 0);
        List<PlantedSpans.Span> lateBeyond = PlantedSpans.generate(5, start.plus(Duration.ofMinutes(2)), 1, 0, 0);
        insert("otel_late_within", lateWithin);
        insert("otel_late_beyond", lateBeyond);
        clock.set(start.plus(Duration.ofMinutes(23)));
        collector.collect(start, p -> { });

        List<PlantedSpans.Span> all = new java.util.ArrayList<>(first);
        all.addAll(lateWithin);
        Map<String, double[]> stored = stored("otel-late", start, start.plus(Duration.ofMinutes(22)));
        Instant lateness = start.plus(Duration.ofMinutes(20)).minus(Duration.ofMinutes(10));
        Map<String, PlantedSpans.Truth> truth = PlantedSpans.truth(all, start, start.plus(Duration.ofMinutes(22)), false);
        assertThat(stored.keySet()).isEqualTo(truth.keySet());
        truth.forEach((k, t) -> assertEquals(k, stored.get(k), t));   // the minute 2 spans are not there yet
        assertThat(fetcher.tally().late())
                .isEqualTo(lateWithin.stream().filter(s -> s.request() && !s.start().isBefore(lateness)).count())
                .isPositive();

        collector.backfill(start, start.plus(Duration.ofMinutes(22)), p -> { });
        all.addAll(lateBeyond);
        Map<String, double[]> after = stored("otel-late", start, start.plus(Duration.ofMinutes(22)));
        Map<String, PlantedSpans.Truth> allTruth = PlantedSpans.truth(all, start, start.plus(Duration.ofMinutes(22)), false);
        allTruth.forEach((k, t) -> assertEquals(k, after.get(k), t));
    }

    @Test
    void spans_stamped_ahead_of_the_clock_are_counted_and_stored_once_their_minute_is_due(@TempDir Path dir) {
        Instant start = FROM.plus(Duration.ofDays(2));
        List<PlantedSpans.Span> now = PlantedSpans.generate(6, start, 5, 0, 0);
        List<PlantedSpans.Span> ahead = PlantedSpans.generate(7, start.plus(Duration.ofMinutes(30)), 1, 0, 0);
        insert("otel_now", now);
        insert("otel_ahead", ahead);
        MutableClock clock = new MutableClock(start.plus(Duration.ofMinutes(6)));
        SpansFetcher fetcher = fetcher("otel-ahead", SpanSchema.OTEL, "otel_traces", rules());
        SpansCollector collector = collector(fetcher, dir, clock);
        collector.collect(start, p -> { });
        assertThat(fetcher.tally().ahead()).isEqualTo(ahead.stream().filter(PlantedSpans.Span::request).count());
        assertThat(stored("otel-ahead", start, start.plus(Duration.ofHours(1)))).hasSize(
                PlantedSpans.truth(now, start, start.plus(Duration.ofMinutes(5)), false).size());

        clock.set(start.plus(Duration.ofMinutes(32)));
        collector.collect(start, p -> { });
        assertThat(fetcher.tally().ahead()).isZero();
        List<PlantedSpans.Span> all = new java.util.ArrayList<>(now);
        all.addAll(ahead);
        Map<String, PlantedSpans.Truth> truth = PlantedSpans.truth(all, start, start.plus(Duration.ofHours(1)), false);
        Map<String, double[]> stored = stored("otel-ahead", start, start.plus(Duration.ofHours(1)));
        assertThat(stored.keySet()).isEqualTo(truth.keySet());
        truth.forEach((k, t) -> assertEquals(k, stored.get(k), t));
    }

    @Test
    void a_table_that_is_not_there_is_named_and_not_retried() {
        SpansFetcher fetcher = fetcher("otel-missing", SpanSchema.OTEL, "no_such_traces", rules());
        assertThatThrownBy(() -> fetcher.fetch(FROM, TO)).isInstanceOf(SourceException.class)
                .hasMessageContaining("no_such_traces").satisfies(e -> assertThat(((SourceException) e).retryable()).isFalse());
    }

    // --- helpers ---

    private static SpanRules rules() {
        return new SpanRules("server", "customer.id", false, "status", "http.response.status_code", 500, 599,
                "adjusted-count", "sampling.adjusted_count", false, BOUNDS);
    }

    private static SpansFetcher fetcher(String name, SpanSchema schema, String table, SpanRules rules) {
        SpansSource source = new SpansSource(name, db.spec(), schema, table, rules, Duration.ofMinutes(10),
                Duration.ofMinutes(1), Duration.ofMinutes(10));
        ClickHouse spansServer = ClickHouse.connect(db.spec(), 2, QueryListener.NONE);
        return new SpansFetcher(source, new SpanReader(spansServer, schema, db.name(), table), () -> CATALOG_THRESHOLDS,
                new Resilience(name, 1, Duration.ofMillis(10), Duration.ofSeconds(60)));
    }

    private static SpansCollector collector(SpansFetcher fetcher, Path dir, Clock clock) {
        return new SpansCollector(fetcher, new SpooledWriter(new TelemetryStore(ch, clock), new RollupStore(ch, clock),
                new Spool(dir.resolve("spool"), 1L << 30)), new WatermarkStore(ch, clock), clock);
    }

    private static void insert(String name, List<PlantedSpans.Span> more) {
        ch.executeScript(name, "INSERT INTO otel_traces FORMAT JSONEachRow\n" + PlantedSpans.otelRows(more));
    }

    /** Per key: requests, errors, requests within the 300 ms threshold (from the buckets), as Plumbline stored them. */
    private static Map<String, double[]> stored(String source, Instant from, Instant to) {
        Map<String, double[]> out = new TreeMap<>();
        ch.query(STORED, Params.of("source", source).and("from", from).and("to", to)
                .and("threshold", PlantedSpans.THRESHOLD_NS / 1e9), row -> out.put(
                PlantedSpans.key(row.getString("service"), row.getString("customer"), row.getInstant("minute")),
                new double[] {row.getDouble("requests"), row.getDouble("errors"), row.getDouble("within")}));
        return out;
    }

    private static Map<String, double[]> direct(Instant from, Instant to) {
        Map<String, double[]> out = new TreeMap<>();
        ch.query(DIRECT, Params.of("from", from).and("to", to).and("threshold_ns", PlantedSpans.THRESHOLD_NS), row -> out.put(
                PlantedSpans.key(row.getString("service"), row.getString("customer"), row.getInstant("minute")),
                new double[] {row.getDouble("requests"), row.getDouble("errors"), row.getDouble("within")}));
        return out;
    }

    private static Map<String, SpanMinute> byKey(List<SpanMinute> rows) {
        Map<String, SpanMinute> out = new TreeMap<>();
        rows.stream().filter(m -> !m.customer().isEmpty())
                .forEach(m -> out.put(PlantedSpans.key(m.service(), m.customer(), m.minute()), m));
        return out;
    }

    private static void assertEquals(String what, double[] figures, PlantedSpans.Truth t) {
        assertThat(figures).as(what).isNotNull();
        assertThat(figures[0]).as(what + " requests").isEqualTo(t.requests());
        assertThat(figures[1]).as(what + " errors").isEqualTo(t.errors());
        assertThat(figures[2]).as(what + " within 300 ms").isCloseTo(t.within(), within(1e-9));
    }

    /**
     * The planted slice fails and is slow in its minutes (none within 300 ms, over 20% errors); every other slice, over
     * the whole range, is mostly fast and rarely fails.
     */
    private static void assertProblemShows(Map<String, double[]> stored) {
        Map<String, double[]> totals = new TreeMap<>();
        stored.forEach((k, f) -> {
            String[] parts = k.split("\\|");
            long minute = Duration.between(FROM, Instant.parse(parts[2])).toMinutes();
            boolean planted = parts[0].equals(PlantedSpans.PROBLEM_SERVICE) && parts[1].equals(PlantedSpans.PROBLEM_CUSTOMER)
                    && minute >= 10 && minute < 20;
            String slice = planted ? "planted" : parts[0] + "|" + parts[1] + (minute >= 10 && minute < 20 ? "" : "|outside");
            double[] t = totals.computeIfAbsent(slice, x -> new double[3]);
            for (int i = 0; i < 3; i++) {
                t[i] += f[i];
            }
        });
        assertThat(totals).containsKey("planted").hasSize(1 + 2 * PlantedSpans.CUSTOMERS.size() * 2 - 1);
        totals.forEach((slice, t) -> {
            if (slice.equals("planted")) {
                assertThat(t[2]).as("planted: within 300 ms").isZero();
                assertThat(t[1] / t[0]).as("planted: error share").isGreaterThan(0.2);
            } else {
                assertThat(t[2] / t[0]).as(slice + ": share within 300 ms").isGreaterThan(0.7);
                assertThat(t[1] / t[0]).as(slice + ": error share").isLessThan(0.1);
            }
        });
    }

    private static String text(String file) {
        try (var in = SpansCollectionTest.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
