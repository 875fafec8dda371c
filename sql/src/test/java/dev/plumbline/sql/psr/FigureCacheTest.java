package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryHour;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Figures kept per version of the data: reused while nothing is written, computed again after a collection's
 * roll-up or a customer import (and then right), never kept when they failed, at most as many as configured.
 */
@ExtendWith(ClickHouseExtension.class)
class FigureCacheTest {

    static final Period PERIOD = Period.days(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 8));
    private TestDatabase db;
    private Clock clock;

    @BeforeEach
    void setUp(TestDatabase database) {
        db = database;
        clock = PlantedPlatform.clock();
        db.migrate();
        for (String table : List.of("telemetry_minute", "telemetry_hour", "telemetry_day", "telemetry_month",
                "customers", "services", "objectives")) {
            db.clickHouse().execute(new dev.plumbline.sql.NamedQuery("empty", "TRUNCATE TABLE IF EXISTS " + table));
        }
        PlantedPlatform.seed(db.clickHouse(), clock);
    }

    @Test
    void a_figure_is_computed_once_while_the_data_does_not_change_and_again_after_a_collection() {
        FigureCache cache = new FigureCache(db.clickHouse(), 100);
        AtomicInteger computed = new AtomicInteger();

        Object first = cache.get(List.of("x", PERIOD), () -> List.of(computed.incrementAndGet()));
        Object second = cache.get(List.of("x", PERIOD), () -> List.of(computed.incrementAndGet()));

        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
        String before = cache.version();
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        Instant hour = Instant.parse("2026-10-05T10:00:00Z");
        rollups.insertHours(List.of(new TelemetryHour("search", "big", "prometheus", hour, 1000, 0, PlantedPlatform.LE,
                List.of(1000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), true, 60)));
        assertThat(cache.version()).as("an insert changes the data's version").isNotEqualTo(before);

        cache.get(List.of("x", PERIOD), () -> List.of(computed.incrementAndGet()));

        assertThat(computed).hasValue(2);
    }

    @Test
    void the_engines_figures_follow_a_collection_and_an_import() {
        FigureCache cache = new FigureCache(db.clickHouse(), 100);
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.clickHouse(), clock);
        PsrEngine engine = new PsrEngine(db.clickHouse(), catalog, CurrencyRates.of("USD", List.of("EUR=1.08")),
                RoiModel.DEFAULT, clock, cache);
        PsrEngine uncached = new PsrEngine(db.clickHouse(), catalog, CurrencyRates.of("USD", List.of("EUR=1.08")),
                RoiModel.DEFAULT, clock);
        List<Figures> before = engine.services(PERIOD);
        assertThat(engine.services(PERIOD)).isSameAs(before);

        // a collection: an hour of search traffic written again with 1,000 more requests, rolled up as collectors do
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        Instant hour = Instant.parse("2026-10-05T10:00:00Z");
        TelemetryHour old = PlantedPlatform.hours(PlantedPlatform.requests()).stream()
                .filter(h -> h.service().equals("search") && h.customer().equals("big") && h.hour().equals(hour))
                .findFirst().orElseThrow();
        List<Double> counts = new java.util.ArrayList<>(old.latencyCounts());
        counts.set(0, counts.getFirst() + 1000);
        rollups.insertHours(List.of(new TelemetryHour("search", "big", "prometheus", hour, old.requests() + 1000,
                old.errors(), old.latencyLe(), counts, true, 60)));
        rollups.rollUpDays(hour, hour.plus(1, ChronoUnit.HOURS));

        List<Figures> after = engine.services(PERIOD);
        assertThat(search(after).requests()).isEqualTo(search(before).requests() + 1000);
        assertThat(after).isEqualTo(uncached.services(PERIOD));

        // an import: a customer's ARR doubled changes its revenue at risk
        double risk = engine.summary(PERIOD, 0).figures().revenueAtRisk();
        Customer big = PlantedPlatform.customers().getFirst();
        new CustomerStore(db.clickHouse(), clock).upsert(List.of(new Customer(big.id(), big.name(), big.segment(),
                big.region(), big.plan(), big.arr().multiply(BigDecimal.TWO), big.currency(), big.seats(),
                big.activeUsers(), big.renewalDate(), big.dataVolumeGb(), big.effectiveFrom())));

        double now = engine.summary(PERIOD, 0).figures().revenueAtRisk();
        assertThat(now).isGreaterThan(risk);
        assertThat(now).isEqualTo(uncached.summary(PERIOD, 0).figures().revenueAtRisk());
    }

    @Test
    void a_collection_into_this_month_keeps_a_closed_months_figures_and_a_late_one_into_that_month_does_not() {
        FigureCache cache = new FigureCache(db.clickHouse(), 100);
        AtomicInteger computed = new AtomicInteger();
        Period october = Period.month(java.time.YearMonth.of(2026, 10));
        Period november = Period.month(java.time.YearMonth.of(2026, 11));
        cache.get(List.of("x", october), () -> List.of(computed.incrementAndGet()));
        cache.get(List.of("x", november), () -> List.of(computed.incrementAndGet()));
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);

        rollups.insertHours(List.of(hour("2026-11-20T10:00:00Z")));   // this month's collection
        rollups.rollUpDays(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));
        cache.get(List.of("x", october), () -> List.of(computed.incrementAndGet()));
        assertThat(computed).as("October is kept").hasValue(2);
        cache.get(List.of("x", november), () -> List.of(computed.incrementAndGet()));
        assertThat(computed).as("November is computed again").hasValue(3);

        rollups.insertHours(List.of(hour("2026-10-31T23:00:00Z")));   // late data of October
        cache.get(List.of("x", october), () -> List.of(computed.incrementAndGet()));
        assertThat(computed).as("October is computed again").hasValue(4);
        cache.get(List.of("x", november), () -> List.of(computed.incrementAndGet()));
        assertThat(computed).as("November compares with October: computed again").hasValue(5);
    }

    @Test
    void the_months_a_result_reads_come_from_its_key() {
        Period october = Period.month(java.time.YearMonth.of(2026, 10));
        assertThat(FigureCache.monthsOf(List.of("x", october))).as("with the month before")
                .containsExactly("202609", "202610");
        assertThat(FigureCache.monthsOf(List.of("x", PERIOD))).as("4 days: the 4 days before").containsExactly("202609", "202610");
        assertThat(FigureCache.monthsOf(List.of("x", Period.days(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)))))
                .as("31 days: the 31 days before start on August 31").containsExactly("202608", "202610");
        assertThat(FigureCache.monthsOf(List.of("trend", "search", LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1))))
                .containsExactly("202608", "202611");
        assertThat(FigureCache.monthsOf(List.of("x", Instant.parse("2027-01-31T23:59:59Z"), october)))
                .containsExactly("202609", "202701");
        assertThat(FigureCache.monthsOf(List.of("monthsWithData", "today 2026-11-20"))).as("no date: every month")
                .containsExactly("000000", "999999");
    }

    private static TelemetryHour hour(String at) {
        return new TelemetryHour("search", "big", "prometheus", Instant.parse(at), 1000, 0, PlantedPlatform.LE,
                List.of(1000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), true, 60);
    }

    @Test
    void a_merge_does_not_change_the_version_and_a_mutation_does() {
        FigureCache cache = new FigureCache(db.clickHouse(), 100);
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        Instant hour = Instant.parse("2026-10-05T10:00:00Z");
        for (int i = 0; i < 3; i++) {   // three parts to merge
            rollups.insertHours(List.of(new TelemetryHour("search", "big", "prometheus", hour, 1000 + i, 0,
                    PlantedPlatform.LE, List.of(1000.0 + i, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), true, 60)));
        }
        String before = cache.version();

        db.clickHouse().execute(new dev.plumbline.sql.NamedQuery("merge", "OPTIMIZE TABLE telemetry_hour FINAL"));

        assertThat(cache.version()).isEqualTo(before);
        db.clickHouse().execute(new dev.plumbline.sql.NamedQuery("delete",
                "ALTER TABLE telemetry_hour DELETE WHERE customer = 'c8' SETTINGS mutations_sync = 1"));
        assertThat(cache.version()).isNotEqualTo(before);
    }

    @Test
    void a_failure_is_not_kept_and_at_most_the_configured_entries_are() {
        FigureCache cache = new FigureCache(db.clickHouse(), 2);
        AtomicInteger computed = new AtomicInteger();

        assertThatThrownBy(() -> cache.get(List.of("fails"), () -> {
            throw new IllegalStateException("store down");
        })).hasMessage("store down");
        assertThat(cache.get(List.of("fails"), computed::incrementAndGet)).isEqualTo(1);
        cache.get(List.of("b"), computed::incrementAndGet);
        cache.get(List.of("c"), computed::incrementAndGet);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(List.of("fails"), computed::incrementAndGet)).as("the least recently used went first")
                .isEqualTo(4);
    }

    @Test
    void a_result_of_more_rows_than_kept_is_computed_each_time() {
        FigureCache cache = new FigureCache(db.clickHouse(), 100);
        AtomicInteger computed = new AtomicInteger();
        List<Integer> big = java.util.Collections.nCopies(FigureCache.MAX_ROWS + 1, 1);

        cache.get(List.of("export"), () -> new Ranking<>(big.size(), 0, big.size(), big(computed, big)));
        cache.get(List.of("export"), () -> new Ranking<>(big.size(), 0, big.size(), big(computed, big)));
        cache.get(List.of("page"), () -> big(computed, big.subList(0, FigureCache.MAX_ROWS)));
        cache.get(List.of("page"), () -> big(computed, big.subList(0, FigureCache.MAX_ROWS)));

        assertThat(computed).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    private static List<Integer> big(AtomicInteger computed, List<Integer> rows) {
        computed.incrementAndGet();
        return rows;
    }

    @Test
    void no_cache_computes_every_time() {
        FigureCache none = FigureCache.none(db.clickHouse());
        AtomicInteger computed = new AtomicInteger();

        none.get(List.of("x"), computed::incrementAndGet);
        none.get(List.of("x"), computed::incrementAndGet);

        assertThat(computed).hasValue(2);
        assertThat(none.size()).isZero();
    }

    private static Figures search(List<Figures> figures) {
        return figures.stream().filter(f -> f.service().equals("search")).findFirst().orElseThrow();
    }
}
