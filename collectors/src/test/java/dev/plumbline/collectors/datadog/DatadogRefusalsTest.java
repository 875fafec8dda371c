package dev.plumbline.collectors.datadog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.telemetry.Rejections;
import dev.plumbline.collectors.telemetry.Resilience;
import dev.plumbline.collectors.telemetry.TelemetryCollector;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Datadog answer (the published shape of POST /api/v2/query/timeseries) with a series lacking the customer tag,
 * 1e300, NaN and negative values, collected through the real client into a real ClickHouse: only the sound minutes
 * are stored, the hour's coverage leaves out every minute that held dropped or refused data, and the collector's
 * data quality (what /api/v1/collectors and the Collectors page show) counts and says what was dropped.
 */
@ExtendWith(ClickHouseExtension.class)
class DatadogRefusalsTest {

    private static final NamedQuery STORED = NamedQuery.load(DatadogRefusalsTest.class, "stored_minutes.sql");
    private static final NamedQuery COVERAGE = NamedQuery.load(DatadogRefusalsTest.class, "coverage_minutes.sql");
    private static final Instant HOUR = Instant.parse("2026-11-01T10:00:00Z");
    @TempDir
    static Path spool;
    private static WireMockServer stub;
    private static ClickHouse clickHouse;
    private static TelemetryCollector collector;

    @BeforeAll
    static void collect(TestDatabase db) {
        stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
        // minutes 0..5 of the hour; the requests of acme at minute 1 are 1e300, globex's NaN and -5; a series of
        // search without the customer tag (tenant instead) at minute 5; acme's errors at minute 4 are negative.
        answer("hits", List.of("\"service:search\",\"customer:acme\"", "\"service:search\",\"customer:globex\"",
                "\"service:search\",\"tenant:initech\""), "[[100.0,1e300,90.0,null,80.0,70.0],"
                + "[10.0,NaN,-5.0,20.0,30.0,40.0],[null,null,null,null,null,50.0]]");
        answer("errors", List.of("\"service:search\",\"customer:acme\"", "\"service:search\",\"customer:globex\""),
                "[[1.0,0.0,2.0,null,-1.0,0.0],[0.0,0.0,0.0,1.0,0.0,0.0]]");
        DatadogSource source = DatadogSource.of("dd", URI.create("http://127.0.0.1:" + stub.port()), "k", "a");
        Clock clock = Clock.fixed(HOUR.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        clickHouse = db.migrate().clickHouse();
        SpooledWriter writer = new SpooledWriter(new TelemetryStore(clickHouse, clock), new RollupStore(clickHouse, clock),
                new Spool(spool, 1L << 20));
        collector = new TelemetryCollector(new DatadogFetcher(source, new DatadogClientApi(source, clock),
                new Resilience("dd", 1, Duration.ofMillis(10), Duration.ofSeconds(60))), writer,
                new WatermarkStore(clickHouse, clock), clock);
        collector.backfill(HOUR, HOUR.plus(Duration.ofHours(1)), p -> { });
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    private static void answer(String metric, List<String> tags, String values) {
        long t = HOUR.toEpochMilli();
        List<String> series = tags.stream().map(g -> "{\"group_tags\":[" + g + "],\"query_index\":0,\"unit\":null}").toList();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            times.add(t + 60_000L * i);
        }
        stub.stubFor(post(urlEqualTo("/api/v2/query/timeseries")).withRequestBody(containing(metric))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"type\":\"timeseries_response\",\"attributes\":{\"series\":" + series
                                + ",\"times\":" + times + ",\"values\":" + values + "}}}")));
    }

    @Test
    void only_the_sound_minutes_are_stored_and_no_absurd_value_reaches_the_figures() {
        Map<String, double[]> stored = new TreeMap<>();
        clickHouse.query(STORED, dev.plumbline.sql.Params.of("source", "dd"), row -> stored.put(row.getString("customer")
                + " " + row.getString("minute"), new double[] {row.getDouble("requests"), row.getDouble("errors")}));

        assertThat(stored).containsOnlyKeys("acme 2026-11-01 10:00:00", "acme 2026-11-01 10:02:00",
                "acme 2026-11-01 10:05:00", "globex 2026-11-01 10:00:00", "globex 2026-11-01 10:03:00",
                "globex 2026-11-01 10:04:00", "globex 2026-11-01 10:05:00");
        assertThat(stored.get("acme 2026-11-01 10:00:00")).containsExactly(100.0, 1.0);
        assertThat(stored.get("globex 2026-11-01 10:03:00")).containsExactly(20.0, 1.0);
        assertThat(stored.values().stream().mapToDouble(v -> v[0]).sum()).isEqualTo(100 + 90 + 70 + 10 + 20 + 30 + 40);
    }

    @Test
    void the_minutes_with_dropped_or_refused_data_are_not_counted_as_collected() {
        List<Integer> minutes = clickHouse.query(COVERAGE, dev.plumbline.sql.Params.of("source", "dd").and("hour", HOUR),
                row -> row.getInt("minutes"));

        // minute 1 (1e300, NaN), 2 (-5), 4 (acme's -1 errors), 5 (the untagged series): 56 of 60
        assertThat(minutes).containsExactly(56);
    }

    @Test
    void the_status_counts_what_was_dropped_and_says_why() {
        TelemetryCollector.DataQuality quality = collector.dataQuality();
        Rejections total = quality.total();

        assertThat(total.untaggedSeries()).isEqualTo(1);
        assertThat(total.untaggedValues()).isEqualTo(1);
        assertThat(total.notFinite()).isEqualTo(1);
        assertThat(total.negative()).isEqualTo(2);
        assertThat(total.aboveMaximum()).isEqualTo(1);
        assertThat(total.minutesNotCovered()).isEqualTo(4);
        assertThat(quality.lastWarningAt()).isEqualTo(HOUR.plus(Duration.ofHours(2)));
        assertThat(quality.lastWarning()).isEqualTo("2026-11-01T10:00:00Z .. 2026-11-01T11:00:00Z: "
                + "1 series without the service or customer tag dropped (1 values; e.g. a series tagged "
                + "service:search,tenant:initech); 4 values refused (1 not finite, 2 negative, 1 above the maximum per "
                + "minute; e.g. 1.0E300 for search/acme at 2026-11-01T10:01:00Z, NaN for search/globex at "
                + "2026-11-01T10:01:00Z, -5.0 for search/globex at 2026-11-01T10:02:00Z); 4 minutes not counted as "
                + "collected");
    }
}
