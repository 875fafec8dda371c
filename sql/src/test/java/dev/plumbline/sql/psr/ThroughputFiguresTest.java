package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throughput against the truth of planted raw minutes: a day of which only three hours were collected (the second
 * only half), two customers, one minute planted as the day's busiest. The average is over the collected minutes and
 * the peak is the busiest minute, computed here from the minutes themselves.
 */
@ExtendWith(ClickHouseExtension.class)
class ThroughputFiguresTest {

    private static final Instant DAY = Instant.parse("2026-06-10T00:00:00Z");
    private static final Instant FIRST_HOUR = DAY.plus(9, ChronoUnit.HOURS);
    private static final Instant BUSIEST = FIRST_HOUR.plus(67, ChronoUnit.MINUTES);
    private static final Period PERIOD = new Period(DAY, DAY.plus(1, ChronoUnit.DAYS));
    private static final List<Double> LE = List.of(0.1, 1.0, Double.POSITIVE_INFINITY);
    private static PsrEngine engine;
    private static final Map<Instant, Double> perMinute = new HashMap<>();
    private static int collectedMinutes;
    private static final List<TelemetryMinute> planted = new ArrayList<>();

    @BeforeAll
    static void setUp(TestDatabase db) {
        Clock clock = Clock.fixed(DAY.plus(2, ChronoUnit.DAYS), ZoneOffset.UTC);
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.migrate().clickHouse(), clock);
        catalog.upsert(List.of(new Service("api", "API", "", "edge", "tier-1", 1)), List.of());
        Random random = new Random(3);
        List<TelemetryMinute> minutes = new ArrayList<>();
        List<Instant> hours = new ArrayList<>();
        List<Integer> covered = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            Instant hour = FIRST_HOUR.plus(h, ChronoUnit.HOURS);
            int collected = h == 1 ? 30 : 60;   // the second hour: only its first half was collected
            hours.add(hour);
            covered.add(collected);
            collectedMinutes += collected;
            for (int m = 0; m < collected; m++) {
                Instant minute = hour.plus(m, ChronoUnit.MINUTES);
                for (String customer : List.of("acme", "globex")) {
                    double n = minute.equals(BUSIEST) ? 900 + random.nextInt(50) : 60 + random.nextInt(120);
                    minutes.add(new TelemetryMinute("api", customer, "prometheus", minute, n, 0, LE,
                            List.of(n * 0.8, n * 0.2, 0.0), true));
                    perMinute.merge(minute, n, Double::sum);
                }
            }
        }
        planted.addAll(minutes);
        new TelemetryStore(db.clickHouse(), clock).insert(minutes);
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        rollups.rollUpHours(FIRST_HOUR, FIRST_HOUR.plus(3, ChronoUnit.HOURS));
        rollups.rollUpDays(DAY, DAY.plus(1, ChronoUnit.DAYS));
        rollups.recordCoverage("prometheus", hours, covered);
        engine = new PsrEngine(db.clickHouse(), catalog, CurrencyRates.of("USD", List.of()), RoiModel.DEFAULT, clock);
    }

    @Test
    void the_average_is_over_the_minutes_collected_not_over_the_whole_day() {
        Figures api = engine.services(PERIOD).getFirst();
        double requests = perMinute.values().stream().mapToDouble(Double::doubleValue).sum();

        assertThat(api.requests()).isEqualTo(requests);
        assertThat(api.coverage()).isCloseTo(collectedMinutes / 1440.0, offset(1e-12));
        assertThat(api.averageRps()).isCloseTo(requests / (collectedMinutes * 60.0), offset(1e-9));
        assertThat(requests / 86_400.0).as("what dividing by the whole day would give").isLessThan(api.averageRps() / 5);
    }

    @Test
    void the_peak_is_the_busiest_minute_over_all_customers() {
        Figures api = engine.services(PERIOD).getFirst();
        double busiest = perMinute.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();

        assertThat(perMinute.get(BUSIEST)).isEqualTo(busiest);
        assertThat(api.peakRps()).isCloseTo(busiest / 60, offset(1e-9));
        assertThat(api.peakFromMinutes()).isTrue();
    }

    @Test
    void a_slice_carries_its_services_coverage_and_averages_over_it() {
        Figures acme = engine.slices(PERIOD, "api", "acme", 0, 1).rows().getFirst();

        assertThat(acme.coverage()).isCloseTo(collectedMinutes / 1440.0, offset(1e-12));
        assertThat(acme.averageRps()).isCloseTo(acme.requests() / (collectedMinutes * 60.0), offset(1e-9));
        assertThat(acme.peakRps()).isNull();
    }

    @Test
    void a_period_to_the_minute_counts_exactly_its_minutes_and_its_peak_among_them() {
        Instant from = FIRST_HOUR.plus(20, ChronoUnit.MINUTES);
        Instant to = FIRST_HOUR.plus(130, ChronoUnit.MINUTES);   // 09:20 to 11:10: two edges and one whole hour
        Period minutes = new Period(from, to);
        double requests = 0;
        double busiest = 0;
        long collected = 0;
        for (var e : perMinute.entrySet()) {
            if (!e.getKey().isBefore(from) && e.getKey().isBefore(to)) {
                requests += e.getValue();
                busiest = Math.max(busiest, e.getValue());
                collected++;
            }
        }

        Figures api = engine.services(minutes).getFirst();

        assertThat(minutes.parts().edges()).isTrue();
        assertThat(api.requests()).isEqualTo(requests);
        assertThat(api.coverage()).isCloseTo(collected / 110.0, offset(1e-12));
        assertThat(api.averageRps()).isCloseTo(requests / (collected * 60.0), offset(1e-9));
        assertThat(api.peakRps()).isCloseTo(busiest / 60, offset(1e-9));
        assertThat(engine.slices(minutes, "api", "", 0, 10).rows()).extracting(Figures::requests)
                .containsExactly(sliceRequests("acme", from, to), sliceRequests("globex", from, to));
    }

    /** One customer's requests in [from, to), from the minutes as planted. */
    private static double sliceRequests(String customer, Instant from, Instant to) {
        return planted.stream().filter(m -> m.customer().equals(customer) && !m.minute().isBefore(from)
                && m.minute().isBefore(to)).mapToDouble(TelemetryMinute::requests).sum();
    }
}
