package dev.plumbline.collectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The collector's queries per cycle depend on time only, never on how many customers or services answer. */
@ExtendWith(ClickHouseExtension.class)
class QueryCountTest {

    private static ClickHouse clickHouse;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path spool;

    @BeforeAll
    static void setUp(TestDatabase db) {
        clickHouse = db.migrate().clickHouse();
    }

    @Test
    void three_hours_cost_nine_queries_for_10_customers_and_for_1000() {
        Instant from = Instant.parse("2026-06-15T05:00:00Z");
        List<String> few = collect("few", 10, from);
        List<String> many = collect("many", 1000, from);

        assertThat(few).hasSize(9).isEqualTo(many);
        assertThat(few).containsOnly(PromQl.buckets(MetricNames.plumbline()), PromQl.requests(MetricNames.plumbline()),
                PromQl.errors(MetricNames.plumbline()));
        long stored = clickHouse.query(dev.plumbline.sql.NamedQuery.load(QueryCountTest.class, "count_minutes.sql"),
                dev.plumbline.sql.Params.of("source", "many"), row -> row.getLong("minutes")).getFirst();
        assertThat(stored).isEqualTo(1000L * 5 * 180);
    }

    /** A fake source whose every query answers {@code customers} x 5 series with a point per minute. */
    private static List<String> collect(String name, int customers, Instant from) {
        List<String> sent = new ArrayList<>();
        PrometheusApi api = (q, start, end, step) -> {
            sent.add(q);
            int points = (int) ((end.getEpochSecond() - start.getEpochSecond()) / 60) + 1;
            long[] times = new long[points];
            double[] values = new double[points];
            for (int i = 0; i < points; i++) {
                times[i] = start.getEpochSecond() + 60L * i;
                values[i] = 1;
            }
            List<Series> out = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                for (int v = 0; v < 5; v++) {
                    Map<String, String> labels = q.contains("le)")
                            ? Map.of("service", "s" + v, "customer", "c" + c, "le", "+Inf")
                            : Map.of("service", "s" + v, "customer", "c" + c);
                    out.add(new Series(labels, times, values));
                }
            }
            return out;
        };
        Clock clock = Clock.fixed(from.plus(5, ChronoUnit.HOURS), java.time.ZoneOffset.UTC);
        PrometheusSource source = PrometheusSource.of(name, URI.create("http://127.0.0.1:1"), MetricNames.plumbline());
        new PrometheusCollector(source, api, PrometheusOracleTest.writer(clickHouse, spool.resolve(name)),
                new WatermarkStore(clickHouse, clock), clock).backfill(from, from.plus(3, ChronoUnit.HOURS), p -> { });
        return sent;
    }
}
