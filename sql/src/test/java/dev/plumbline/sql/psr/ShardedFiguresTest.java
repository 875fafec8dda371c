package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.alerts.AlertHistoryStore;
import dev.plumbline.sql.alerts.AlertSlice;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.migration.ShardingKeys;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.ShardedDatabase;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sharded store (two shards of a real cluster: {@code TestCluster}) gives the figures one node gives on the same
 * data. The same writes go to both through the same stores: the planted platform (catalog, customers, hourly
 * roll-ups, days and months rolled up by INSERT ... SELECT), and raw minutes through the telemetry writer (RowBinary)
 * rolled up into hours, days, months and per-service minutes. Then every figure of the engine, for periods that read
 * every grain, is compared in full; and the rows are checked to be spread over both shards, each slice on one.
 *
 * <p>Numbers are compared exactly, but for a Float64 sum that adds fractions (revenue at risk over slices): the
 * shards add their rows in another order than one node does, which changes the last bits (measured here: 0 to 3.7e-16
 * relative), so those may differ by {@value #RELATIVE} relative. Counts are whole numbers here and add up exactly.
 */
@ExtendWith(ClickHouseExtension.class)
class ShardedFiguresTest {

    /** Ends inside days: hours and days. */
    private static final Period HOURS_AND_DAYS = PsrEngineTest.PERIOD;
    /** A whole month: the monthly roll-up. */
    private static final Period MONTH = Period.month(YearMonth.of(2026, 10));
    /** The written minutes, cut inside hours: raw minutes at both edges, hours between. */
    private static final Instant WRITTEN = Instant.parse("2026-10-20T10:00:00Z");
    private static final Period MINUTES = new Period(WRITTEN.plus(17, ChronoUnit.MINUTES),
            WRITTEN.plus(163, ChronoUnit.MINUTES));
    private static final CurrencyRates RATES = CurrencyRates.of("USD", List.of("EUR=1.08"));
    private static final Clock CLOCK = PlantedPlatform.clock();
    /** How far two Float64 figures may be apart, relative to the larger, and still be the same figure. */
    static final double RELATIVE = 1e-12;
    /** The largest relative difference seen between two figures that were not exactly equal. */
    private static double largestSeen;

    private static ShardedDatabase sharded;
    private static ClickHouse single;
    private static PsrEngine shardedEngine;
    private static PsrEngine singleEngine;

    @BeforeAll
    static void plantTheSameDataInBoth(TestDatabase db) {
        single = db.migrate().clickHouse();
        sharded = ShardedDatabase.create("shardedfigurestest").migrate();
        for (ClickHouse store : List.of(single, sharded.clickHouse())) {
            PlantedPlatform.seed(store, CLOCK);
            new TelemetryStore(store, CLOCK).insert(writtenMinutes());
            RollupStore rollups = new RollupStore(store, CLOCK);
            rollups.rollUpHours(WRITTEN, WRITTEN.plus(3, ChronoUnit.HOURS));
            rollups.rollUpDays(WRITTEN, WRITTEN.plus(3, ChronoUnit.HOURS));
            List<Instant> hours = List.of(WRITTEN, WRITTEN.plus(1, ChronoUnit.HOURS), WRITTEN.plus(2, ChronoUnit.HOURS));
            rollups.recordCoverage("prometheus", hours, List.of(60, 60, 60));
        }
        singleEngine = engine(single);
        shardedEngine = engine(sharded.clickHouse());
    }

    /** Equal, or apart by at most {@link #RELATIVE} of the larger (Float64 sums added in another order). */
    static int sameFigure(Double a, Double b) {
        if (a.equals(b)) {
            return 0;
        }
        double relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
        synchronized (ShardedFiguresTest.class) {
            largestSeen = Math.max(largestSeen, relative);
        }
        return relative <= RELATIVE ? 0 : Double.compare(a, b);
    }

    private static <T> org.assertj.core.api.RecursiveComparisonAssert<?> assertSame(T actual, String what) {
        return assertThat(actual).as(what).usingRecursiveComparison()
                .withComparatorForType(ShardedFiguresTest::sameFigure, Double.class);
    }

    @AfterAll
    static void drop() {
        System.out.println("ShardedFiguresTest: largest relative difference between figures not exactly equal: "
                + largestSeen);
        if (sharded != null) {
            sharded.close();
        }
    }

    private static PsrEngine engine(ClickHouse store) {
        return new PsrEngine(store, new ServiceCatalogStore(store, CLOCK), RATES, PsrEngineTest.MODEL, CLOCK);
    }

    /** Three hours of raw minutes of every planted slice, integer counts, written through the telemetry writer. */
    private static List<TelemetryMinute> writtenMinutes() {
        Random random = new Random(17);
        List<TelemetryMinute> out = new ArrayList<>();
        List<String> customers = new ArrayList<>(PlantedPlatform.customers().stream().map(c -> c.id()).toList());
        customers.add("ghost");
        for (int m = 0; m < 180; m++) {
            for (String customer : customers) {
                for (String service : List.of("search", "billing", "catalog", "export")) {
                    List<Double> counts = new ArrayList<>();
                    double requests = 0;
                    for (int b = 0; b < PlantedPlatform.LE.size(); b++) {
                        double n = b < 4 ? random.nextInt(20) : random.nextInt(3);
                        counts.add(n);
                        requests += n;
                    }
                    out.add(new TelemetryMinute(service, customer, "prometheus", WRITTEN.plus(m, ChronoUnit.MINUTES),
                            requests, random.nextInt(4) == 0 ? random.nextInt(3) : 0, PlantedPlatform.LE, counts, true));
                }
            }
        }
        return out;
    }

    /** Every figure the engine gives, by name, for one period. */
    private static Map<String, Function<PsrEngine, Object>> figures(Period p) {
        Map<String, Function<PsrEngine, Object>> out = new LinkedHashMap<>();
        out.put("ranking", e -> e.ranking(p, RankingFilter.NONE, 0, 1000));
        out.put("ranking by service", e -> e.rankingByService(p, 0, 100));
        out.put("ranking by segment", e -> e.rankingBySegment(p));
        out.put("filter values", e -> e.filterValues(p));
        out.put("health", e -> e.health(p, "", 0, 100));
        out.put("summary", e -> e.summary(p, 5));
        out.put("services", e -> e.services(p));
        out.put("services month over month", e -> e.servicesMonthOverMonth(p));
        out.put("slices", e -> e.slices(p, "", "", 0, 1000));
        out.put("customers of search", e -> e.customersOf(p, "search", true));
        out.put("customers of billing", e -> e.customersOf(p, "billing", false));
        for (PsrEngine.GroupBy by : PsrEngine.GroupBy.values()) {
            out.put("groups by " + by, e -> e.groups(p, by));
        }
        for (ExploreBy by : ExploreBy.values()) {
            out.put("explore by " + by, e -> e.explore(p, by, ""));
        }
        out.put("coverage by source", e -> e.coverageBySource(p));
        out.put("platform days", e -> e.platformDays(p));
        return out;
    }

    private static void assertEqualFigures(Period p) {
        Map<String, Function<PsrEngine, Object>> figures = figures(p);
        for (var f : figures.entrySet()) {
            Object one = f.getValue().apply(singleEngine);
            Object two = f.getValue().apply(shardedEngine);
            assertThat(one).as(f.getKey() + " has something to compare").isNotNull().asString().isNotEmpty();
            assertSame(two, f.getKey() + " over " + p).isEqualTo(one);
        }
        assertThat(figures).hasSizeGreaterThan(20);
    }

    @Test
    void every_figure_over_hours_and_days_is_the_single_nodes() {
        assertEqualFigures(HOURS_AND_DAYS);
    }

    @Test
    void every_figure_of_a_whole_month_is_the_single_nodes() {
        assertEqualFigures(MONTH);
    }

    @Test
    void every_figure_of_minutes_written_through_the_telemetry_writer_is_the_single_nodes() {
        assertEqualFigures(MINUTES);
        assertThat(singleEngine.services(MINUTES)).extracting(Figures::requests).allSatisfy(r -> assertThat(r).isPositive());
    }

    @Test
    void trends_and_months_with_data_are_the_single_nodes() {
        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 11, 1);
        assertThat(shardedEngine.monthsWithData()).isEqualTo(singleEngine.monthsWithData()).isNotEmpty();
        assertSame(shardedEngine.serviceTrend("search", from, to), "service trend")
                .isEqualTo(singleEngine.serviceTrend("search", from, to));
        assertSame(shardedEngine.customerTrend("big", from, to), "customer trend")
                .isEqualTo(singleEngine.customerTrend("big", from, to));
        assertThat(singleEngine.platformDays(from, to)).isNotEmpty();
        assertSame(shardedEngine.platformDays(from, to), "platform days").isEqualTo(singleEngine.platformDays(from, to));
    }

    @Test
    void alert_history_per_service_and_per_customer_is_the_single_nodes() {
        Objective search = PlantedPlatform.objectives().getFirst();
        for (AlertSlice slice : List.of(AlertSlice.SERVICE, new AlertSlice("big", ""), new AlertSlice("", "smb"))) {
            var one = new AlertHistoryStore(single, TestDatabase.SCHEMA, CLOCK)
                    .minutes(search, slice, WRITTEN.plus(1, ChronoUnit.HOURS), WRITTEN.plus(3, ChronoUnit.HOURS), Duration.ofHours(1));
            var two = new AlertHistoryStore(sharded.clickHouse(), TestDatabase.SCHEMA, CLOCK)
                    .minutes(search, slice, WRITTEN.plus(1, ChronoUnit.HOURS), WRITTEN.plus(3, ChronoUnit.HOURS), Duration.ofHours(1));
            assertSame(two, slice.toString()).isEqualTo(one);
            assertThat(one.counts().total(0, one.counts().minutes())).as(slice.toString()).isPositive();
        }
    }

    /** Every stored row (without the version columns, which are the time of writing) is the same in both. */
    @Test
    void every_table_holds_the_same_rows_as_the_single_node() {
        Map<String, String> columns = Map.of(
                "telemetry_minute", "service, customer, source, minute, requests, errors, latency_le, latency_counts, mergeable",
                "telemetry_hour", "service, customer, source, hour, requests, errors, latency_le, latency_counts, layouts, minutes",
                "telemetry_day", "service, customer, source, day, requests, errors, latency_le, latency_counts, layouts, minutes",
                "telemetry_month", "service, customer, source, month, requests, errors, latency_le, latency_counts, layouts, minutes",
                "service_hour", "service, source, hour, requests, peak_minute_requests",
                "service_minute", "service, minute, requests, errors, latency_le, latency_counts, layouts",
                "collection_coverage", "source, hour, minutes",
                "customers", "id, name, segment, arr, currency, renewal_date, effective_from",
                "objectives", "service, name, indicator, target, latency_threshold_ms");
        columns.forEach((table, cols) -> {
            NamedQuery rows = new NamedQuery(table, "SELECT formatRow('TSV', " + cols + ") AS row FROM " + table
                    + " FINAL ORDER BY " + cols);
            List<String> one = single.query(rows, r -> r.getString("row"));
            assertThat(one).as(table).isNotEmpty();
            assertThat(sharded.clickHouse().query(rows, r -> r.getString("row"))).as(table).isEqualTo(one);
        });
    }

    @Test
    void the_rows_are_spread_over_both_shards_and_each_slice_lives_on_one() {
        NamedQuery counts = new NamedQuery("counts", "SELECT count() AS n, uniqExact(service, customer) AS slices "
                + "FROM telemetry_hour FINAL");
        List<long[]> perShard = new ArrayList<>();
        List<List<String>> slicesPerShard = new ArrayList<>();
        for (ClickHouse local : sharded.locals()) {
            try (local) {
                perShard.add(local.queryOne(counts, r -> new long[] {r.getLong("n"), r.getLong("slices")}).orElseThrow());
                slicesPerShard.add(local.query(new NamedQuery("slices", "SELECT DISTINCT service || '/' || customer AS s "
                        + "FROM telemetry_minute ORDER BY s"), r -> r.getString("s")));
                for (String table : List.of("telemetry_minute", "telemetry_hour", "telemetry_day", "telemetry_month", "customers")) {
                    assertThat(local.queryOne(new NamedQuery("n", "SELECT count() AS n FROM " + table), r -> r.getLong("n"))
                            .orElseThrow()).as(table + " on shard " + perShard.size() + " (" + ShardingKeys.expression(table) + ")")
                            .isPositive();
                }
            }
        }
        long[] all = single.queryOne(counts, r -> new long[] {r.getLong("n"), r.getLong("slices")}).orElseThrow();
        assertThat(perShard).hasSize(2);
        assertThat(perShard.get(0)[0] + perShard.get(1)[0]).isEqualTo(all[0]);
        assertThat(perShard.get(0)[1] + perShard.get(1)[1]).isEqualTo(all[1]);   // no slice on both
        assertThat(slicesPerShard.get(0)).doesNotContainAnyElementsOf(slicesPerShard.get(1)).isNotEmpty();
        assertThat(slicesPerShard.get(1)).isNotEmpty();
    }

    @Test
    void the_data_version_reads_every_shard_and_changes_with_a_write_to_either() {
        FigureCache cache = new FigureCache(sharded.clickHouse(), 10);
        List<String> october = List.of("202610", "202610");
        String all = cache.version();
        String octoberOnly = cache.version(october);
        assertThat(all).isNotEmpty().isEqualTo(cache.version());

        // one customer's row lands on one shard; the version changes whichever it is (the same write on one node too)
        for (ClickHouse store : List.of(single, sharded.clickHouse())) {
            new CustomerStore(store, CLOCK).upsert(List.of(PlantedPlatform.customers().getLast()));
        }
        assertThat(cache.version()).isNotEqualTo(all);
        assertThat(cache.version(october)).isNotEqualTo(octoberOnly);
        all = cache.version();
        octoberOnly = cache.version(october);

        // minutes of another month change every month's version and leave October's as it was
        for (ClickHouse store : List.of(single, sharded.clickHouse())) {
            new TelemetryStore(store, CLOCK).insert(List.of(new TelemetryMinute("search", "c1", "prometheus",
                    Instant.parse("2026-12-01T00:00:00Z"), 1, 0, List.of(), List.of(), true)));
        }
        assertThat(cache.version()).isNotEqualTo(all);
        assertThat(cache.version(october)).isEqualTo(octoberOnly);
    }
}
