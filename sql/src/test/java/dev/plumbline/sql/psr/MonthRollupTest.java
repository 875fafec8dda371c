package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryHour;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole months are read from the monthly roll-up: the figures of a month, of a range around it and of a month with
 * a day written again (late data) are the truth summed here from the hours written, not from any roll-up; a slice
 * whose bucket bounds change within the month has no percentile, as when its days are read.
 */
@ExtendWith(ClickHouseExtension.class)
class MonthRollupTest {

    static final Instant FIRST = Instant.parse("2026-09-27T00:00:00Z");
    static final Instant END = Instant.parse("2026-11-04T00:00:00Z");
    static final List<Double> OTHER_LE = List.of(0.1, 0.5, 1.0, 2.5, Double.POSITIVE_INFINITY);
    private static PsrEngine engine;
    private static RollupStore rollups;
    private static final List<TelemetryHour> HOURS = new ArrayList<>();

    @BeforeAll
    static void setUp(TestDatabase db) {
        java.time.Clock clock = PlantedPlatform.clock();
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.migrate().clickHouse(), clock);
        catalog.upsert(PlantedPlatform.services(), PlantedPlatform.objectives());
        new CustomerStore(db.clickHouse(), clock).upsert(PlantedPlatform.customers());
        Random random = new Random(11);
        for (Instant h = FIRST; h.isBefore(END); h = h.plus(1, ChronoUnit.HOURS)) {
            for (String customer : List.of("big", "c1", "c2")) {
                for (String service : List.of("search", "billing")) {
                    // billing/c2 changes its bucket bounds on 2026-10-20: its October cannot be merged
                    boolean other = service.equals("billing") && customer.equals("c2")
                            && !h.isBefore(Instant.parse("2026-10-20T00:00:00Z"));
                    HOURS.add(hour(service, customer, h, random, other ? OTHER_LE : PlantedPlatform.LE));
                }
            }
        }
        rollups = new RollupStore(db.clickHouse(), clock);
        rollups.insertHours(HOURS);
        // as the collectors do: a day at a time
        for (Instant d = FIRST; d.isBefore(END); d = d.plus(1, ChronoUnit.DAYS)) {
            rollups.rollUpDays(d, d.plus(1, ChronoUnit.DAYS));
        }
        engine = new PsrEngine(db.clickHouse(), catalog, CurrencyRates.of("USD", List.of("EUR=1.08")), RoiModel.DEFAULT,
                clock);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(textBlock = """
            2026-10-01T00:00:00Z, 2026-11-01T00:00:00Z
            2026-09-29T18:00:00Z, 2026-11-02T06:00:00Z
            2026-09-28T00:00:00Z, 2026-11-03T00:00:00Z
            2026-10-10T00:00:00Z, 2026-10-20T00:00:00Z
            """)
    void every_slice_of_a_month_or_a_range_around_it_is_the_truth_of_its_hours(String from, String to) {
        Period period = new Period(Instant.parse(from), Instant.parse(to));

        List<Figures> slices = engine.slices(period, "", "", 0, 100).rows();

        assertThat(slices).hasSize(6);
        for (Figures f : slices) {
            Truth t = truth(f.key(), period, HOURS);
            assertThat(f.requests()).as(f.key()).isEqualTo(t.requests());
            assertThat(f.errors()).as(f.key()).isEqualTo(t.errors());
            if (t.layouts() > 1) {
                assertThat(f.p95Seconds()).as(f.key()).isNull();
                assertThat(f.latencyNote()).as(f.key()).contains("bucket bounds");
            } else {
                assertThat(f.p95Seconds()).as(f.key()).isCloseTo(PsrEngineTest.prometheusQuantile(0.95, t.buckets()),
                        offset(1e-9));
            }
        }
    }

    @Test
    void a_day_written_again_changes_its_month() {
        Period october = Period.month(java.time.YearMonth.of(2026, 10));
        double before = engine.slices(october, "search", "big", 0, 1).rows().getFirst().requests();
        Instant late = Instant.parse("2026-10-15T07:00:00Z");
        TelemetryHour old = HOURS.stream().filter(h -> h.service().equals("search") && h.customer().equals("big")
                && h.hour().equals(late)).findFirst().orElseThrow();
        TelemetryHour again = new TelemetryHour("search", "big", old.source(), late, old.requests() + 1000,
                old.errors(), old.latencyLe(), bump(old.latencyCounts(), 1000), true, 60);

        rollups.insertHours(List.of(again));
        rollups.rollUpDays(late, late.plus(1, ChronoUnit.HOURS));

        assertThat(engine.slices(october, "search", "big", 0, 1).rows().getFirst().requests()).isEqualTo(before + 1000);
        HOURS.set(HOURS.indexOf(old), again);
    }

    @Test
    void the_monthly_roll_up_filled_at_once_from_stored_days_gives_the_same_figures(TestDatabase db) {
        Period october = Period.month(java.time.YearMonth.of(2026, 10));
        List<Figures> before = engine.slices(october, "", "", 0, 100).rows();
        db.clickHouse().execute(new dev.plumbline.sql.NamedQuery("empty", "TRUNCATE TABLE telemetry_month"));
        assertThat(engine.slices(october, "", "", 0, 100).rows()).as("no month rolled up: nothing").isEmpty();

        rollups.rollUpEveryMonth();

        assertThat(engine.slices(october, "", "", 0, 100).rows()).isEqualTo(before);
    }

    /** What the hours written say about one slice over a period of whole hours. */
    record Truth(double requests, double errors, double[] buckets, long layouts) {
    }

    static Truth truth(String key, Period period, List<TelemetryHour> hours) {
        double requests = 0;
        double errors = 0;
        double[] buckets = new double[PlantedPlatform.LE.size()];
        Map<List<Double>, Boolean> layouts = new HashMap<>();
        for (TelemetryHour h : hours) {
            if (!(h.service() + "/" + h.customer()).equals(key) || h.hour().isBefore(period.from())
                    || !h.hour().isBefore(period.to())) {
                continue;
            }
            requests += h.requests();
            errors += h.errors();
            layouts.put(h.latencyLe(), true);
            for (int i = 0; i < Math.min(buckets.length, h.latencyCounts().size()); i++) {
                buckets[i] += h.latencyCounts().get(i);
            }
        }
        return new Truth(requests, errors, buckets, layouts.size());
    }

    private static TelemetryHour hour(String service, String customer, Instant hour, Random random, List<Double> le) {
        List<Double> counts = new ArrayList<>();
        double requests = 0;
        for (int i = 0; i < le.size(); i++) {
            double c = random.nextInt(i < 3 ? 50 : 5);
            counts.add(c);
            requests += c;
        }
        return new TelemetryHour(service, customer, "prometheus", hour, requests, random.nextInt(3), le, counts, true, 60);
    }

    private static List<Double> bump(List<Double> counts, double n) {
        List<Double> out = new ArrayList<>(counts);
        out.set(0, out.getFirst() + n);
        return out;
    }
}
