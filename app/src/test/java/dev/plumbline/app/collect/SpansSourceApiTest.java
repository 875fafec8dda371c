package dev.plumbline.app.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A spans source configured in the running application (plumbline.collectors.spans.traces.*), on Plumbline's own
 * ClickHouse: it is collected on its own, shows as kind spans with its counts on /api/v1/collectors, and the stored
 * slices' requests and errors equal a direct count over the spans.
 */
@ExtendWith(ClickHouseExtension.class)
class SpansSourceApiTest {

    private static final Instant FROM = Instant.parse("2026-06-15T08:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofMinutes(40));
    private static final Instant NOW = TO.plus(Duration.ofMinutes(5));
    private static final NamedQuery PLANT = new NamedQuery("plant_spans", """
            INSERT INTO otel_traces (Timestamp, TraceId, SpanId, ParentSpanId, SpanName, SpanKind, ServiceName,
                                     SpanAttributes, Duration, StatusCode)
            SELECT {from:DateTime64(9)} + toIntervalMillisecond(number * 997 % (40 * 60000)),
                   hex(number), hex(number), '', 'GET /', if(number % 5 = 0, 'SPAN_KIND_CLIENT', 'SPAN_KIND_SERVER'),
                   if(number % 2 = 0, 'search', 'checkout'),
                   if(number % 11 = 0, map(), map('tenant.id', if(number % 3 = 0, 'acme', 'globex'))),
                   (number * 7919) % 900000000,
                   if(number % 17 = 0, 'STATUS_CODE_ERROR', 'STATUS_CODE_OK')
            FROM numbers(6000)""");
    private static final NamedQuery TRUTH = new NamedQuery("spans_truth", """
            SELECT ServiceName AS service, SpanAttributes['tenant.id'] AS customer, count() AS requests,
                   countIf(StatusCode = 'STATUS_CODE_ERROR') AS errors,
                   countIf(SpanAttributes['tenant.id'] = '') AS without_customer
            FROM otel_traces WHERE SpanKind = 'SPAN_KIND_SERVER'
            GROUP BY service, customer""");
    private static final NamedQuery STORED = new NamedQuery("stored_spans", """
            SELECT service, customer, sum(requests) AS requests, sum(errors) AS errors
            FROM telemetry_minute FINAL WHERE source = 'traces' GROUP BY service, customer""");
    private static RunningApp app;
    private static TestDatabase db;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        db = database;
        try (var in = dev.plumbline.collectors.spans.SpanTally.class.getResourceAsStream("otel_traces.sql")) {
            db.clickHouse().executeScript("otel_traces", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        db.clickHouse().execute(PLANT, Params.of("from", FROM));
        app = RunningApp.start(db, Map.ofEntries(Map.entry("plumbline.collectors.interval", "2s"),
                Map.entry("plumbline.clock.start", NOW.toString()),
                Map.entry("plumbline.collectors.first-lookback", "50m"),
                Map.entry("plumbline.collectors.spans.traces.database", db.name()),
                Map.entry("plumbline.collectors.spans.traces.customer-attribute", "tenant.id"),
                Map.entry("plumbline.collectors.spans.traces.chunk", "20m")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_spans_source_is_collected_and_its_slices_equal_a_direct_count() throws Exception {
        Map<String, Object> traces = waitFor(s -> s.get("watermark") != null
                && Instant.parse((String) s.get("watermark")).compareTo(TO) >= 0);
        assertThat(traces.get("kind")).isEqualTo("spans");
        assertThat(traces.get("read")).isEqualTo("spans in ClickHouse (otel)");
        assertThat((String) traces.get("url")).endsWith(db.name() + ".otel_traces").doesNotContain("password");

        Map<String, long[]> truth = new TreeMap<>();
        db.clickHouse().query(TRUTH, row -> truth.put(row.getString("service") + "/" + row.getString("customer"),
                new long[] {row.getLong("requests"), row.getLong("errors")}));
        Map<?, ?> spans = (Map<?, ?>) traces.get("spans");
        assertThat(((Number) spans.get("noCustomer")).longValue()).isPositive()
                .isEqualTo(truth.getOrDefault("search/", new long[2])[0] + truth.getOrDefault("checkout/", new long[2])[0]);
        assertThat((String) spans.get("warning")).contains("without the customer attribute dropped");

        Map<String, long[]> stored = new TreeMap<>();
        db.clickHouse().query(STORED, row -> stored.put(row.getString("service") + "/" + row.getString("customer"),
                new long[] {Math.round(row.getDouble("requests")), Math.round(row.getDouble("errors"))}));
        assertThat(stored.keySet()).containsExactlyInAnyOrder("search/acme", "search/globex", "checkout/acme",
                "checkout/globex");
        stored.forEach((slice, f) -> assertThat(f).as(slice).containsExactly(truth.get(slice)));
    }

    private static Map<String, Object> waitFor(java.util.function.Predicate<Map<String, Object>> ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> s : app.jsonList(app.getAs("engineer", "/api/v1/collectors").body())) {
                if (s.get("source").equals("traces")) {
                    last = s;
                }
            }
            if (last != null && ready.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the spans source did not get there in 90 s: " + last);
    }
}
