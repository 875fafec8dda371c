package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Data the engine must not pretend about: percentiles-only sources, changed bucket layouts; and the minute-to-day roll-up. */
@ExtendWith(ClickHouseExtension.class)
class PsrEdgeCasesTest {

    // Any day: the test database keeps raw minutes long (TestDatabase.SCHEMA), whatever the machine's date.
    private static final Instant DAY = Instant.parse("2026-06-10T00:00:00Z");
    private static final List<Double> LE_A = List.of(0.1, 0.5, Double.POSITIVE_INFINITY);
    private static final List<Double> LE_B = List.of(0.2, 1.0, Double.POSITIVE_INFINITY);
    private static PsrEngine engine;
    private static final Period PERIOD = new Period(DAY, DAY.plusSeconds(86400));

    @BeforeAll
    static void setUp(TestDatabase db) {
        Clock clock = Clock.fixed(DAY.plusSeconds(2 * 86400), java.time.ZoneOffset.UTC);
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.migrate().clickHouse(), clock);
        List<Service> services = List.of(new Service("dd", null, null, null, null, 1), new Service("moved", null, null, null, null, 1),
                new Service("fine", null, null, null, null, 1));
        List<Objective> objectives = new ArrayList<>();
        for (Service s : services) {
            objectives.add(new Objective(s.name(), "latency", Indicator.LATENCY, 0.9, 100.0, ObjectiveWindow.rolling(30)));
        }
        catalog.upsert(services, objectives);
        List<TelemetryMinute> minutes = new ArrayList<>();
        for (int m = 0; m < 120; m++) {
            Instant t = DAY.plusSeconds(60L * m);
            minutes.add(new TelemetryMinute("dd", "x", "datadog", t, 10, 0, LE_A, List.of(2.0, 3.0, 5.0), false));
            minutes.add(new TelemetryMinute("moved", "x", "prometheus", t, 10, 0, m < 90 ? LE_A : LE_B,
                    List.of(2.0, 3.0, 5.0), true));
            minutes.add(new TelemetryMinute("fine", "x", "prometheus", t, 10, 1, LE_A, List.of(2.0, 3.0, 5.0), true));
        }
        new TelemetryStore(db.clickHouse(), clock).insert(minutes);
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        rollups.rollUpHours(DAY, DAY.plusSeconds(7200));
        rollups.rollUpDays(DAY, DAY.plusSeconds(86400));
        rollups.rollUpDays(DAY, DAY.plusSeconds(86400)); // again: replaces, never doubles
        engine = new PsrEngine(db.clickHouse(), catalog, CurrencyRates.of("USD", List.of()), RoiModel.DEFAULT, clock);
    }

    @Test
    void minutes_roll_up_to_days_exactly_even_when_rolled_up_twice() {
        Figures fine = figure("fine");

        assertThat(fine.requests()).isEqualTo(1200.0);
        assertThat(fine.errors()).isEqualTo(120.0);
        assertThat(fine.p50Seconds()).isNotNull();
        assertThat(fine.latencyNote()).isEmpty();
    }

    @Test
    void a_source_with_percentiles_only_shows_no_percentile_and_says_why() {
        Figures dd = figure("dd");

        assertThat(dd.p95Seconds()).isNull();
        assertThat(dd.latencyNote()).contains("percentiles only");
        assertThat(dd.objectives().getFirst().burnRate()).isNull();
        assertThat(dd.objectives().getFirst().note()).contains("percentiles only");
    }

    @Test
    void changed_bucket_bounds_are_not_merged_into_a_wrong_percentile() {
        Figures moved = figure("moved");

        assertThat(moved.p95Seconds()).isNull();
        assertThat(moved.latencyNote()).isNotEmpty();
        assertThat(engine.ranking(PERIOD, RankingFilter.NONE, 0, 10).rows()).extracting(SliceRisk::service)
                .doesNotContain("dd", "moved");
    }

    private static Figures figure(String service) {
        return engine.services(PERIOD).stream().filter(f -> f.service().equals(service)).findFirst().orElseThrow();
    }
}
