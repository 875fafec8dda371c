package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.sql.alerts.AlertHistory.Resolution;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.ServiceMinute;
import dev.plumbline.sql.telemetry.TelemetryHour;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The minutes a backtest replays, against the truth of planted requests: six hours of search traffic from three
 * customers (two in the enterprise segment), each request with its own latency and error flag, written as raw minutes
 * (with gaps: minutes where a customer, or everybody, sent nothing) and rolled up as the collectors do. The test
 * counts requests, errors and slow requests from the requests themselves; for a threshold inside a bucket it
 * interpolates the planted buckets itself. Hours written as hours only and a source with percentiles only are
 * planted too.
 */
@ExtendWith(ClickHouseExtension.class)
class AlertHistoryStoreTest {

    private static final Instant FROM = Instant.parse("2026-06-10T06:00:00Z");
    private static final Instant TO = FROM.plus(6, ChronoUnit.HOURS);
    private static final Duration LOOKBACK = Duration.ofHours(1);
    private static final List<Double> LE = List.of(0.05, 0.1, 0.25, 0.5, 1.0, Double.POSITIVE_INFINITY);
    private static final Instant PERCENTILES_ONLY = FROM.plus(100, ChronoUnit.MINUTES);
    private static final Instant HOURS_ONLY = Instant.parse("2026-06-09T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-11T00:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, Map<Instant, List<double[]>>> requests = new HashMap<>();   // customer -> minute -> (latency, error)
    private static AlertHistoryStore store;
    private static TestDatabase database;

    @BeforeAll
    static void plant(TestDatabase db) {
        database = db.migrate();
        new CustomerStore(db.clickHouse(), CLOCK).upsert(List.of(customer("acme", "enterprise"),
                customer("globex", "enterprise"), customer("initech", "smb")));
        Random random = new Random(13);
        List<TelemetryMinute> minutes = new ArrayList<>();
        for (Instant m = FROM.minus(LOOKBACK); m.isBefore(TO); m = m.plus(1, ChronoUnit.MINUTES)) {
            boolean quiet = random.nextInt(20) == 0;   // nobody sent anything
            for (String customer : List.of("acme", "globex", "initech")) {
                if (quiet || random.nextInt(8) == 0) {
                    continue;
                }
                List<double[]> sent = new ArrayList<>();
                int n = 1 + random.nextInt(30);
                for (int i = 0; i < n; i++) {
                    double latency = 0.01 + 1.5 * Math.pow(random.nextDouble(), 3);
                    sent.add(new double[] {latency, random.nextDouble() < 0.05 ? 1 : 0});
                }
                requests.computeIfAbsent(customer, c -> new HashMap<>()).put(m, sent);
                minutes.add(minute("search", customer, "prometheus", m, sent));
            }
        }
        // a source that gives percentiles only: its minute has requests and errors but no histogram to judge latency by
        minutes.add(new TelemetryMinute("search", "dd-customer", "datadog", PERCENTILES_ONLY, 40, 2, List.of(), List.of(),
                false));
        new TelemetryStore(db.clickHouse(), CLOCK).insert(minutes);
        RollupStore rollups = new RollupStore(db.clickHouse(), CLOCK);
        rollups.rollUpHours(FROM.minus(LOOKBACK), TO);
        // three hours of history written as hours only (a demo history, a backfill older than the raw TTL)
        List<TelemetryHour> hours = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            hours.add(new TelemetryHour("search", "acme", "prometheus", HOURS_ONLY.plus(h, ChronoUnit.HOURS), 6000, 6,
                    LE, List.of(1000.0, 1000.0, 1000.0, 1000.0, 1000.0, 1000.0), true, 60));
        }
        rollups.insertHours(hours);
        store = new AlertHistoryStore(db.clickHouse(), TestDatabase.SCHEMA, CLOCK);
    }

    @Test
    void the_service_minutes_hold_every_customers_requests_and_errors_summed_every_minute_zero_where_none_came() {
        AlertHistory history = store.minutes(availability(), AlertSlice.SERVICE, FROM, TO, LOOKBACK);

        assertThat(history.resolution()).isEqualTo(Resolution.SERVICE_MINUTES);
        assertThat(history.keptDays()).isEqualTo(TestDatabase.SCHEMA.serviceMinuteTtlDays());
        MinuteCounts counts = history.counts();
        assertThat(counts.start()).isEqualTo(FROM.minus(LOOKBACK));
        assertThat(counts.end()).isEqualTo(TO);
        int zeros = 0;
        for (int i = 0; i < counts.minutes(); i++) {
            Instant m = counts.at(i);
            double total = truth(Set.of("acme", "globex", "initech"), m, r -> 1) + (m.equals(PERCENTILES_ONLY) ? 40 : 0);
            double errors = truth(Set.of("acme", "globex", "initech"), m, r -> r[1]) + (m.equals(PERCENTILES_ONLY) ? 2 : 0);
            assertThat(counts.total(i)).as(m.toString()).isEqualTo(total);
            assertThat(counts.bad(i)).as(m.toString()).isEqualTo(errors);
            zeros += total == 0 ? 1 : 0;
        }
        assertThat(zeros).as("minutes where nobody sent anything").isPositive();
        assertThat(history.minutesMissing()).isZero();
        assertThat(history.minutesUnjudged()).isZero();
    }

    @Test
    void latency_bad_requests_at_a_bucket_bound_are_exactly_the_planted_slow_requests() {
        AlertHistory history = store.minutes(latency(250), AlertSlice.SERVICE, FROM, TO, LOOKBACK);

        MinuteCounts counts = history.counts();
        double slowSeen = 0;
        for (int i = 0; i < counts.minutes(); i++) {
            Instant m = counts.at(i);
            if (m.equals(PERCENTILES_ONLY)) {
                assertThat(counts.total(i)).as("a minute whose latency cannot be judged has no requests").isZero();
                continue;
            }
            double slow = truth(Set.of("acme", "globex", "initech"), m, r -> r[0] > 0.25 ? 1 : 0);
            assertThat(counts.bad(i)).as(m.toString()).isCloseTo(slow, offset(1e-9));
            assertThat(counts.total(i)).isEqualTo(truth(Set.of("acme", "globex", "initech"), m, r -> 1));
            slowSeen += slow;
        }
        assertThat(slowSeen).isPositive();
        assertThat(history.minutesUnjudged()).isEqualTo(1);
    }

    @Test
    void latency_bad_requests_with_a_threshold_inside_a_bucket_are_interpolated_linearly_within_it() {
        double threshold = 0.4;   // inside (0.25, 0.5]
        MinuteCounts counts = store.minutes(latency(400), AlertSlice.SERVICE, FROM, TO, LOOKBACK).counts();

        double differs = 0;
        for (int i = 0; i < counts.minutes(); i++) {
            Instant m = counts.at(i);
            if (m.equals(PERCENTILES_ONLY)) {
                continue;
            }
            double[] buckets = new double[LE.size()];
            for (String c : List.of("acme", "globex", "initech")) {
                for (double[] r : requests.get(c).getOrDefault(m, List.of())) {
                    buckets[bucket(r[0])]++;
                }
            }
            double expected = 0;
            for (int b = 0; b < LE.size(); b++) {
                double lo = b == 0 ? 0 : LE.get(b - 1);
                double hi = LE.get(b);
                expected += buckets[b] * (hi <= threshold ? 0 : lo >= threshold || Double.isInfinite(hi) ? 1
                        : (hi - threshold) / (hi - lo));
            }
            assertThat(counts.bad(i)).as(m.toString()).isCloseTo(expected, offset(1e-9));
            differs += Math.abs(expected - truth(Set.of("acme", "globex", "initech"), m, r -> r[0] > 0.5 ? 1 : 0));
        }
        assertThat(differs).as("the part of the bucket above the threshold counts").isPositive();
    }

    @Test
    void one_customer_reads_its_own_raw_minutes() {
        AlertHistory history = store.minutes(availability(), new AlertSlice("globex", ""), FROM, TO, LOOKBACK);

        assertThat(history.resolution()).isEqualTo(Resolution.CUSTOMER_MINUTES);
        assertThat(history.keptDays()).isEqualTo(TestDatabase.SCHEMA.rawTtlDays());
        MinuteCounts counts = history.counts();
        for (int i = 0; i < counts.minutes(); i++) {
            assertThat(counts.total(i)).isEqualTo(truth(Set.of("globex"), counts.at(i), r -> 1));
            assertThat(counts.bad(i)).isEqualTo(truth(Set.of("globex"), counts.at(i), r -> r[1]));
        }
        assertThat(counts.total(0, counts.minutes())).isPositive();
    }

    @Test
    void a_segment_reads_the_raw_minutes_of_its_customers_and_latency_per_customer_is_the_planted_slow_requests() {
        AlertSlice enterprise = new AlertSlice("", "enterprise");
        MinuteCounts counts = store.minutes(latency(250), enterprise, FROM, TO, LOOKBACK).counts();

        for (int i = 0; i < counts.minutes(); i++) {
            assertThat(counts.total(i)).isEqualTo(truth(Set.of("acme", "globex"), counts.at(i), r -> 1));
            assertThat(counts.bad(i)).isCloseTo(truth(Set.of("acme", "globex"), counts.at(i), r -> r[0] > 0.25 ? 1 : 0),
                    offset(1e-9));
        }
        assertThat(store.sliceCustomers("search", enterprise)).containsExactly("acme", "globex");
        assertThat(store.sliceCustomers("search", new AlertSlice("nobody", ""))).isEmpty();
    }

    @Test
    void hours_written_without_their_minutes_are_reported_as_missing_minutes() {
        Instant from = HOURS_ONLY.minus(1, ChronoUnit.HOURS);
        Instant to = HOURS_ONLY.plus(5, ChronoUnit.HOURS);

        AlertHistory service = store.minutes(availability(), AlertSlice.SERVICE, from, to, Duration.ZERO);
        AlertHistory acme = store.minutes(availability(), new AlertSlice("acme", ""), from, to, Duration.ZERO);
        AlertHistory initech = store.minutes(availability(), new AlertSlice("initech", ""), from, to, Duration.ZERO);

        assertThat(service.minutesMissing()).isEqualTo(3 * 60);
        assertThat(acme.minutesMissing()).isEqualTo(3 * 60);
        assertThat(initech.minutesMissing()).isZero();
        assertThat(service.counts().total(0, service.counts().minutes())).as("no minute of those hours").isZero();
        assertThat(service.note()).contains("180 minutes with traffic are kept as hours only");
    }

    @Test
    void rolling_up_again_replaces_the_service_minutes_and_never_adds_to_them() {
        Instant minute = Instant.parse("2026-06-12T10:07:00Z");
        TelemetryStore telemetry = new TelemetryStore(database.clickHouse(), CLOCK);
        RollupStore rollups = new RollupStore(database.clickHouse(), CLOCK);
        Objective billing = new Objective("billing", "availability", Indicator.AVAILABILITY, 0.999, null,
                ObjectiveWindow.rolling(30));
        telemetry.insert(List.of(new TelemetryMinute("billing", "acme", "prometheus", minute, 100, 3, List.of(), List.of(), true),
                new TelemetryMinute("billing", "globex", "prometheus", minute, 50, 1, List.of(), List.of(), true)));
        rollups.rollUpHours(minute, minute.plus(1, ChronoUnit.MINUTES));
        rollups.rollUpHours(minute, minute.plus(1, ChronoUnit.MINUTES));
        MinuteCounts twice = store.minutes(billing, AlertSlice.SERVICE, minute, minute.plus(1, ChronoUnit.MINUTES),
                Duration.ZERO).counts();
        // a late correction of one customer's minute: the service's minute is recomputed from both
        telemetry.insert(List.of(new TelemetryMinute("billing", "acme", "prometheus", minute, 120, 9, List.of(), List.of(), true)));
        rollups.rollUpHours(minute, minute.plus(1, ChronoUnit.MINUTES));
        MinuteCounts corrected = store.minutes(billing, AlertSlice.SERVICE, minute, minute.plus(1, ChronoUnit.MINUTES),
                Duration.ZERO).counts();

        assertThat(twice.total(0)).isEqualTo(150);
        assertThat(twice.bad(0)).isEqualTo(4);
        assertThat(corrected.total(0)).isEqualTo(170);
        assertThat(corrected.bad(0)).isEqualTo(10);
    }

    @Test
    void a_customer_range_older_than_the_raw_minutes_is_refused_naming_from_and_the_day_they_start() {
        Clock later = Clock.fixed(Instant.parse("2026-07-20T12:00:00Z"), ZoneOffset.UTC);
        AlertHistoryStore kept35 = new AlertHistoryStore(database.clickHouse(), new SchemaOptions("", 35, 400), later);

        assertThat(kept35.rawMinutesStart()).isEqualTo(Instant.parse("2026-06-16T00:00:00Z"));
        assertThat(kept35.earliestFrom(new AlertSlice("acme", ""), Duration.ofDays(3)))
                .isEqualTo(Instant.parse("2026-06-19T00:00:00Z"));
        assertThatThrownBy(() -> kept35.minutes(availability(), new AlertSlice("acme", ""), FROM, TO, LOOKBACK))
                .isInstanceOf(HistoryRefused.class)
                .hasMessage("from: the raw minutes per customer start at 2026-06-16 (kept 35 days); a backtest of a "
                        + "customer whose longest window is 1h can start at 2026-06-16T01:00:00Z at the earliest, was "
                        + FROM)
                .satisfies(e -> assertThat(((HistoryRefused) e).field()).isEqualTo("from"));
        assertThat(kept35.minutes(availability(), AlertSlice.SERVICE, FROM, TO, LOOKBACK).counts().total(0,
                (int) Duration.between(FROM.minus(LOOKBACK), TO).toMinutes())).as("the whole service is kept longer")
                .isPositive();
    }

    private interface Measure {
        double of(double[] request);
    }

    /** The sum of {@code measure} over the planted requests of {@code customers} in minute {@code m}. */
    private static double truth(Set<String> customers, Instant m, Measure measure) {
        double out = 0;
        for (String c : customers) {
            for (double[] r : requests.getOrDefault(c, Map.of()).getOrDefault(m, List.of())) {
                out += measure.of(r);
            }
        }
        return out;
    }

    private static TelemetryMinute minute(String service, String customer, String source, Instant m, List<double[]> sent) {
        double[] buckets = new double[LE.size()];
        double errors = 0;
        for (double[] r : sent) {
            buckets[bucket(r[0])]++;
            errors += r[1];
        }
        return new TelemetryMinute(service, customer, source, m, sent.size(), errors, LE,
                java.util.Arrays.stream(buckets).boxed().toList(), true);
    }

    @Test
    void per_service_minutes_written_directly_are_replayed_as_written() {
        Instant from = Instant.parse("2026-06-08T10:00:00Z");
        List<ServiceMinute> written = new ArrayList<>();
        for (int m = 0; m < 90; m++) {   // 100 + m requests, m % 7 failing, 10 + m slower than 0.25 s
            written.add(new ServiceMinute("billing", from.plus(m, ChronoUnit.MINUTES), 100 + m, m % 7, LE,
                    List.of(30.0, 30.0, 30.0, 5.0, 5.0 + m, 0.0)));
        }
        new RollupStore(database.clickHouse(), CLOCK).insertServiceMinutes(written);
        Objective availability = new Objective("billing", "availability", Indicator.AVAILABILITY, 0.99, null,
                ObjectiveWindow.rolling(30));
        Objective latency = new Objective("billing", "latency", Indicator.LATENCY, 0.95, 250.0, ObjectiveWindow.rolling(30));

        MinuteCounts errors = store.minutes(availability, AlertSlice.SERVICE, from, from.plus(90, ChronoUnit.MINUTES),
                Duration.ZERO).counts();
        MinuteCounts slow = store.minutes(latency, AlertSlice.SERVICE, from, from.plus(90, ChronoUnit.MINUTES),
                Duration.ZERO).counts();

        for (int m = 0; m < 90; m++) {
            assertThat(errors.total(m)).isEqualTo(100 + m);
            assertThat(errors.bad(m)).isEqualTo(m % 7);
            assertThat(slow.bad(m)).as("minute %d", m).isEqualTo(10 + m);
        }
    }

    /** The bucket a latency falls in: the first bound at or above it. */
    private static int bucket(double latency) {
        for (int i = 0; i < LE.size(); i++) {
            if (latency <= LE.get(i)) {
                return i;
            }
        }
        return LE.size() - 1;
    }

    private static Objective availability() {
        return new Objective("search", "availability", Indicator.AVAILABILITY, 0.99, null, ObjectiveWindow.rolling(30));
    }

    private static Objective latency(double thresholdMs) {
        return new Objective("search", "latency", Indicator.LATENCY, 0.95, thresholdMs, ObjectiveWindow.rolling(30));
    }

    private static Customer customer(String id, String segment) {
        return new Customer(id, id, segment, "us-east", "growth", new BigDecimal("1000.00"), "USD", 10, 5,
                LocalDate.of(2027, 1, 1), 10.0, LocalDate.of(2026, 1, 1));
    }
}
