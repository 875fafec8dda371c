package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.Progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.testing.LocalPrometheus;
import dev.plumbline.collectors.testing.OwnClickHouse;
import dev.plumbline.collectors.testing.PrometheusHistory;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClickHouse stopped in the middle of a collection: the chunks it cannot take wait in the spool, are stored in order
 * when it is back, and every count then equals Prometheus' exactly: nothing lost, nothing doubled, in the minutes and
 * in the hourly roll-up.
 */
class ClickHouseOutageTest {

    private static final NamedQuery MINUTES = NamedQuery.load(ClickHouseOutageTest.class, "minute_totals.sql");
    private static final NamedQuery HOURS = NamedQuery.load(ClickHouseOutageTest.class, "hour_totals.sql");

    @Test
    void chunks_taken_while_clickhouse_is_down_are_spooled_and_stored_exactly_once(@TempDir Path dir) throws Exception {
        Instant to = Instant.parse("2026-06-15T10:00:00Z");   // any past hour: the history is written for it
        Instant from = to.minus(2, ChronoUnit.HOURS);
        DemoTraffic traffic = new DemoTraffic(List.of("api-gateway", "search", "checkout"),
                PrometheusOracleTest.customers(), 11, from.plus(20, ChronoUnit.MINUTES));
        try (LocalPrometheus prometheus = PrometheusHistory.start(dir, traffic, from, to);
             OwnClickHouse server = new OwnClickHouse(dir.resolve("clickhouse"))) {
            server.start();
            ClickHouse ch = server.connectMigrated("outage");
            PrometheusSource source = PrometheusSource.of("prom", prometheus.url(), MetricNames.plumbline())
                    .withChunk(Duration.ofMinutes(30));
            Clock clock = Clock.fixed(to.plus(1, ChronoUnit.HOURS), java.time.ZoneOffset.UTC);
            Spool spool = new Spool(dir.resolve("spool"), 1L << 30);
            PrometheusCollector collector = new PrometheusCollector(source, new PrometheusHttpApi(source),
                    new SpooledWriter(new TelemetryStore(ch, clock), new RollupStore(ch, clock), spool),
                    new WatermarkStore(ch, clock), clock);

            collector.backfill(from, from.plus(30, ChronoUnit.MINUTES), p -> { });
            server.stop();
            Progress duringOutage = collector.backfill(from.plus(30, ChronoUnit.MINUTES), from.plus(90, ChronoUnit.MINUTES), p -> { });
            assertThat(duringOutage.chunksDone()).isEqualTo(2);
            assertThat(spool.size()).isEqualTo(2);

            server.start();
            collector.backfill(from.plus(90, ChronoUnit.MINUTES), to, p -> { });
            assertThat(spool.size()).isZero();
            assertThat(collector.watermark()).contains(to);

            Map<String, Double> truth = oracle(source, from, to);
            Map<String, double[]> minutes = totals(ch, MINUTES, from, to);
            Map<String, double[]> hours = totals(ch, HOURS, from, to);
            assertThat(minutes.keySet()).isEqualTo(truth.keySet()).isEqualTo(hours.keySet());
            truth.forEach((k, requests) -> {
                assertThat(minutes.get(k)[0]).as(k + " minutes").isCloseTo(requests, within(1e-9 * requests));
                assertThat(hours.get(k)[0]).as(k + " hours").isCloseTo(requests, within(1e-9 * requests));
                assertThat(minutes.get(k)[1]).as(k + " distinct minutes").isEqualTo(minutes.get(k)[2]);
            });
            ch.close();
        }
    }

    private static Map<String, Double> oracle(PrometheusSource source, Instant from, Instant to) {
        String range = "[" + (Duration.between(from, to).toSeconds() - 30) + "s:1m]";
        Map<String, Double> out = new HashMap<>();
        for (Series s : new PrometheusHttpApi(source).queryRange("sum_over_time((" + PromQl.requests(source.names()) + ")"
                + range + ")", to, to, Duration.ofMinutes(1))) {
            out.put(s.labels().get("service") + "/" + s.labels().get("customer"), s.values()[0]);
        }
        return out;
    }

    /** Per slice: requests, rows, distinct minutes (rows counted without FINAL after merging all parts). */
    private static Map<String, double[]> totals(ClickHouse ch, NamedQuery q, Instant from, Instant to) {
        Map<String, double[]> out = new HashMap<>();
        ch.query(q, dev.plumbline.sql.Params.of("from", from).and("to", to), r -> out.put(r.getString(1) + "/"
                + r.getString(2), new double[] {r.getDouble(3), r.getDouble(4), r.getDouble(5)}));
        return out;
    }
}
