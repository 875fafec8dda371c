package dev.plumbline.sql.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.RoiModel;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryHour;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fix measured from planted roll-ups, against the truth computed here from the planted hours with this test's own
 * arithmetic (its own Welch t, its own ROI model). checkout fails 1.5-2.5% of the requests of "a" and "b" before the
 * fix shipped (10 November, 15:00), 0.1-0.5% after; the ship day fails 50% (it must be left out); "c" is not
 * affected and fails 30% after (it must not be counted). "a" also uses search as much as checkout (exposure 0.5).
 * The clock stands on 25 November: 14 whole days each side.
 */
@ExtendWith(ClickHouseExtension.class)
class FixEffectsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate SHIP_DAY = LocalDate.of(2026, 11, 10);
    private static final Instant SHIPPED = Instant.parse("2026-11-10T15:00:00Z");
    private static final double K = 4;
    private static final List<Double> LE = List.of(0.5, Double.POSITIVE_INFINITY);
    private static final List<TelemetryHour> PLANTED = new ArrayList<>();
    private static FixEffects effects;

    @BeforeAll
    static void setUp(TestDatabase db) {
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.migrate().clickHouse(), CLOCK);
        catalog.upsert(List.of(new Service("checkout", "Checkout", "", "payments", "tier-1", 1),
                        new Service("search", "Search", "", "discovery", "tier-1", 1)),
                List.of(new Objective("checkout", "availability", Indicator.AVAILABILITY, 0.999, null,
                        ObjectiveWindow.rolling(30))));
        new CustomerStore(db.clickHouse(), CLOCK).upsert(List.of(customer("a", "100000.00"), customer("b", "40000.00"),
                customer("c", "70000.00")));
        Random random = new Random(16);
        for (LocalDate day = LocalDate.of(2026, 10, 20); !day.isAfter(LocalDate.of(2026, 11, 25)); day = day.plusDays(1)) {
            for (String customer : List.of("a", "b", "c")) {
                double requests = 1000 + random.nextInt(500);
                double share = day.equals(SHIP_DAY) ? 0.5 : day.isBefore(SHIP_DAY) ? 0.015 + 0.01 * random.nextDouble()
                        : customer.equals("c") ? 0.3 : 0.001 + 0.004 * random.nextDouble();
                plant("checkout", customer, day, requests, Math.round(requests * share));
            }
            plant("search", "a", day, 1200, 0);
        }
        RollupStore rollups = new RollupStore(db.clickHouse(), CLOCK);
        rollups.insertHours(PLANTED);
        rollups.rollUpDays(Instant.parse("2026-10-20T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        PsrEngine engine = new PsrEngine(db.clickHouse(), catalog, CurrencyRates.of("USD", List.of()),
                new RoiModel(K, 90, 1.5), CLOCK);
        effects = new FixEffects(db.clickHouse(), engine);
    }

    private static Customer customer(String id, String arr) {
        return new Customer(id, id, "enterprise", "us", "premium", new BigDecimal(arr), "USD", 10, 5,
                LocalDate.of(2027, 6, 1), 10.0, LocalDate.of(2026, 9, 1));
    }

    private static void plant(String service, String customer, LocalDate day, double requests, double errors) {
        PLANTED.add(new TelemetryHour(service, customer, "prometheus", day.atTime(12, 0).toInstant(ZoneOffset.UTC),
                requests, errors, LE, List.of(requests, 0.0), true, 60));
    }

    private static TrackedFix fix(Instant shippedAt) {
        return new TrackedFix(UUID.randomUUID(), "retry", "checkout", "availability", List.of("a", "b"),
                new Snapshot(LocalDate.of(2026, 10, 27), SHIP_DAY, 0, null, 0), "alice", LocalDate.of(2026, 12, 1),
                new Hypothesis(Hypothesis.Figure.ERROR_RATIO, Hypothesis.Comparison.BELOW, 0.001),
                shippedAt == null ? FixState.PLANNED : FixState.SHIPPED, shippedAt, null, "pat", CLOCK.instant(), "pat",
                CLOCK.instant(), 1);
    }

    /** The truth of [from, to): per day, errors / requests of "a" and "b" on checkout. */
    private static double[] dailyTruth(LocalDate from, LocalDate to) {
        List<Double> out = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            double requests = 0;
            double errors = 0;
            for (TelemetryHour h : PLANTED) {
                if (h.service().equals("checkout") && !h.customer().equals("c")
                        && LocalDate.ofInstant(h.hour(), ZoneOffset.UTC).equals(day)) {
                    requests += h.requests();
                    errors += h.errors();
                }
            }
            out.add(errors / requests);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Welch's t, written out: (m1 - m2) / sqrt(s1²/n1 + s2²/n2), s² with n - 1. */
    private static double welchT(double[] x, double[] y) {
        return (mean(x) - mean(y)) / Math.sqrt(variance(x) / x.length + variance(y) / y.length);
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }

    /** The ROI model by hand: ARR x exposure x min(1, max(0, badness - 1) / K), badness = error ratio / 0.001. */
    private static double revenueTruth(String customer, double arr, LocalDate from, LocalDate to) {
        double checkout = 0;
        double errors = 0;
        double all = 0;
        for (TelemetryHour h : PLANTED) {
            LocalDate day = LocalDate.ofInstant(h.hour(), ZoneOffset.UTC);
            if (h.customer().equals(customer) && !day.isBefore(from) && day.isBefore(to)) {
                all += h.requests();
                if (h.service().equals("checkout")) {
                    checkout += h.requests();
                    errors += h.errors();
                }
            }
        }
        double badness = errors / checkout / 0.001;
        return arr * (checkout / all) * Math.min(1, Math.max(0, badness - 1) / K);
    }

    @Test
    void the_effect_is_the_truth_of_fourteen_days_each_side_without_the_ship_day() {
        Effect e = effects.measure(fix(SHIPPED)).orElseThrow();

        LocalDate beforeFrom = LocalDate.of(2026, 10, 27);
        LocalDate afterTo = LocalDate.of(2026, 11, 25);
        double[] before = dailyTruth(beforeFrom, SHIP_DAY);
        double[] after = dailyTruth(SHIP_DAY.plusDays(1), afterTo);
        assertThat(e.windows().days()).isEqualTo(14);
        assertThat(e.before().daily()).extracting(Effect.DailyValue::value)
                .containsExactly(java.util.Arrays.stream(before).boxed().toArray(Double[]::new));
        assertThat(e.after().daily()).hasSize(14);
        assertThat(e.significance().t()).isCloseTo(welchT(before, after), offset(1e-9));
        assertThat(e.state()).isEqualTo(FixState.VERIFIED_IMPROVED);
        assertThat(e.hypothesisHeld()).as("0.1-0.5% is not under 0.1%").isFalse();
        assertThat(e.revenueAtRiskBefore()).isCloseTo(revenueTruth("a", 100_000, beforeFrom, SHIP_DAY)
                + revenueTruth("b", 40_000, beforeFrom, SHIP_DAY), offset(0.01));
        assertThat(e.revenueAtRiskAfter()).isCloseTo(revenueTruth("a", 100_000, SHIP_DAY.plusDays(1), afterTo)
                + revenueTruth("b", 40_000, SHIP_DAY.plusDays(1), afterTo), offset(0.01));
        assertThat(e.revenueAtRiskAfter()).isLessThan(e.revenueAtRiskBefore());
        assertThat(e.customers()).extracting(Effect.CustomerEffect::customer).containsExactly("a", "b");
    }

    @Test
    void a_planned_fix_has_no_effect_and_one_shipped_yesterday_is_still_shipped() {
        assertThat(effects.measure(fix(null))).isEmpty();

        Effect early = effects.measure(fix(Instant.parse("2026-11-24T09:00:00Z"))).orElseThrow();

        assertThat(early.windows().days()).isZero();
        assertThat(early.state()).isEqualTo(FixState.SHIPPED);
    }

    @Test
    void the_snapshot_is_the_two_weeks_before_today_of_the_affected_customers() {
        Snapshot s = effects.snapshot("checkout", List.of("a", "b"), Hypothesis.Figure.ERROR_RATIO);

        double requests = 0;
        double errors = 0;
        for (TelemetryHour h : PLANTED) {
            LocalDate day = LocalDate.ofInstant(h.hour(), ZoneOffset.UTC);
            if (h.service().equals("checkout") && !h.customer().equals("c") && !day.isBefore(LocalDate.of(2026, 11, 11))
                    && day.isBefore(LocalDate.of(2026, 11, 25))) {
                requests += h.requests();
                errors += h.errors();
            }
        }
        assertThat(s.from()).isEqualTo(LocalDate.of(2026, 11, 11));
        assertThat(s.toExclusive()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(s.requests()).isEqualTo(requests);
        assertThat(s.value()).isCloseTo(errors / requests, offset(1e-12));
    }
}
