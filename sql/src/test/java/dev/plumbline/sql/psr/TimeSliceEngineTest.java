package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.plumbline.sql.catalog.Budgeting;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryHour;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Time-slice objectives against the truth: six hours of raw requests (each with a latency and an error flag) are
 * planted as the collectors store them, per minute with bucket histograms, and rolled up; this test cuts the raw
 * requests into slices itself and judges each slice with its own arithmetic (thresholds on bucket bounds, so the
 * histogram is exact), then compares the engine's bad share, burn rate and budget consumed, per service and per
 * slice (service x customer). A further two hours exist only in the hourly roll-up (as history older than the
 * minutes' TTL): hourly slices are judged from them, one-minute slices say why they are not.
 */
@ExtendWith(ClickHouseExtension.class)
class TimeSliceEngineTest {

    private static final Instant START = Instant.parse("2026-10-05T00:00:00Z");
    private static final Period PERIOD = new Period(START, START.plus(Duration.ofHours(6)));
    private static final Period HISTORY = new Period(START.plus(Duration.ofHours(24)), START.plus(Duration.ofHours(26)));
    private static final List<String> CUSTOMERS = List.of("a", "b", "c");
    private static final Objective UPTIME_1M = new Objective("web", "uptime-1m", Indicator.AVAILABILITY, 0.99, null,
            ObjectiveWindow.rolling(7), Budgeting.timeslices(1, 0.95));
    private static final Objective UPTIME_5M = new Objective("web", "uptime-5m", Indicator.AVAILABILITY, 0.9, null,
            ObjectiveWindow.CALENDAR_MONTH, Budgeting.timeslices(5, 0.99));
    private static final Objective LATENCY_RATIO = new Objective("web", "latency-ratio", Indicator.LATENCY, 0.95, 500.0,
            ObjectiveWindow.rolling(28), Budgeting.ratioTimeslices(1));
    private static final Objective LATENCY_HOURLY = new Objective("web", "latency-hourly", Indicator.LATENCY, 0.9, 250.0,
            ObjectiveWindow.rolling(28), Budgeting.timeslices(60, 0.9));
    private static final Objective OCCURRENCES = new Objective("web", "availability", Indicator.AVAILABILITY, 0.999,
            null, ObjectiveWindow.rolling(28));
    private static List<Request> requests;
    private static PsrEngine engine;

    /** One planted request, at a minute counted from START. */
    record Request(String customer, int minute, double latency, boolean error) {
    }

    @BeforeAll
    static void plant(TestDatabase db) {
        // The minutes are planted at fixed dates: a TTL long enough that the server's own clock never removes them.
        new Migrator(db.clickHouse(), new SchemaOptions("", 3_650)).migrate();
        Clock clock = Clock.fixed(START.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.clickHouse(), clock);
        catalog.upsert(List.of(new Service("web", "Web", "", "", "", 1)),
                List.of(UPTIME_1M, UPTIME_5M, LATENCY_RATIO, LATENCY_HOURLY, OCCURRENCES));
        requests = requests();
        RollupStore rollups = new RollupStore(db.clickHouse(), clock);
        new TelemetryStore(db.clickHouse(), clock).insert(minutes(requests.stream().filter(r -> r.minute() < 360).toList()));
        rollups.rollUpHours(PERIOD.from(), PERIOD.to());
        rollups.insertHours(hours(requests.stream().filter(r -> r.minute() >= 24 * 60).toList()));
        rollups.rollUpDays(PERIOD.from(), HISTORY.to());
        engine = new PsrEngine(db.clickHouse(), catalog, CurrencyRates.of("USD", List.of()), new RoiModel(4, 90, 1.5),
                clock);
    }

    /** Six hours from START, then two hours from START + 24 h; b fails 20% for half an hour, c is slow for an hour. */
    static List<Request> requests() {
        Random random = new Random(11);
        List<Request> out = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        for (int m = 0; m < 360; m++) {
            minutes.add(m);
        }
        for (int m = 24 * 60; m < 26 * 60; m++) {
            minutes.add(m);
        }
        for (int m : minutes) {
            for (String customer : CUSTOMERS) {
                int n = random.nextInt(12);   // some minutes without a request
                for (int i = 0; i < n; i++) {
                    double latency = 0.02 + 0.4 * random.nextDouble() * random.nextDouble();
                    boolean error = random.nextDouble() < 0.002;
                    if (customer.equals("b") && m >= 60 && m < 90 && random.nextDouble() < 0.2) {
                        error = true;
                    }
                    if (customer.equals("c") && (m >= 180 && m < 240 || m >= 24 * 60 + 30 && m < 24 * 60 + 80)
                            && random.nextDouble() < 0.5) {
                        latency = 0.3 + 0.5 * random.nextDouble();
                    }
                    out.add(new Request(customer, m, latency, error));
                }
            }
        }
        return out;
    }

    private static List<TelemetryMinute> minutes(List<Request> in) {
        Map<String, List<Request>> byMinute = in.stream().collect(Collectors.groupingBy(r -> r.customer() + "|" + r.minute(),
                LinkedHashMap::new, Collectors.toList()));
        List<TelemetryMinute> out = new ArrayList<>();
        byMinute.forEach((key, rs) -> out.add(new TelemetryMinute("web", rs.getFirst().customer(), "prometheus",
                START.plus(Duration.ofMinutes(rs.getFirst().minute())), rs.size(), rs.stream().filter(Request::error).count(),
                PlantedPlatform.LE, buckets(rs), true)));
        return out;
    }

    private static List<TelemetryHour> hours(List<Request> in) {
        Map<String, List<Request>> byHour = in.stream().collect(Collectors.groupingBy(r -> r.customer() + "|" + r.minute() / 60,
                LinkedHashMap::new, Collectors.toList()));
        List<TelemetryHour> out = new ArrayList<>();
        byHour.forEach((key, rs) -> out.add(new TelemetryHour("web", rs.getFirst().customer(), "prometheus",
                START.plus(Duration.ofHours(rs.getFirst().minute() / 60)), rs.size(),
                rs.stream().filter(Request::error).count(), PlantedPlatform.LE, buckets(rs), true,
                (int) rs.stream().mapToInt(Request::minute).distinct().count())));
        return out;
    }

    private static List<Double> buckets(List<Request> rs) {
        double[] b = new double[PlantedPlatform.LE.size()];
        rs.forEach(r -> b[PlantedPlatform.bucket(r.latency())]++);
        return Arrays.stream(b).boxed().toList();
    }

    /** The truth: the period's requests cut into the objective's slices from the period's start, judged here. */
    record Truth(long judged, double badSlices, double badShare, double burn, double consumed) {

        static Truth of(Objective o, Period period, Predicate<Request> which, Duration window) {
            int from = (int) Duration.between(START, period.from()).toMinutes();
            int to = (int) Duration.between(START, period.to()).toMinutes();
            int slice = o.budgeting().sliceMinutes();
            Map<Integer, List<Request>> slices = requests.stream()
                    .filter(r -> r.minute() >= from && r.minute() < to && which.test(r))
                    .collect(Collectors.groupingBy(r -> (r.minute() - from) / slice));
            double bad = 0;
            for (List<Request> rs : slices.values()) {
                double n = rs.size();
                double good = o.indicator() == Indicator.AVAILABILITY
                        ? (n - rs.stream().filter(Request::error).count()) / n
                        : 1 - rs.stream().filter(r -> r.latency() > o.latencyThresholdMs() / 1000).count() / n;
                bad += o.budgeting().method() == Budgeting.Method.TIMESLICES
                        ? (good >= o.budgeting().sliceTarget() ? 0 : 1) : 1 - good;
            }
            double share = bad / slices.size();
            double allowed = (1 - o.target()) * window.toMinutes() / slice;
            return new Truth(slices.size(), bad, share, share / (1 - o.target()), bad / allowed);
        }
    }

    private static ObjectiveResult result(Figures f, Objective o) {
        return f.objectives().stream().filter(r -> r.objective().equals(o)).findFirst().orElseThrow();
    }

    private static void assertEqualsTruth(ObjectiveResult r, Truth t) {
        String what = r.objective().name();
        assertThat(r.note()).as(what).isEmpty();
        assertThat(r.slices().judged()).as(what + " judged slices").isEqualTo(t.judged());
        assertThat(r.badShare()).as(what + " bad share").isCloseTo(t.badShare(), offset(1e-12));
        assertThat(r.burnRate()).as(what + " burn").isCloseTo(t.burn(), offset(1e-9));
        assertThat(r.budgetConsumed()).as(what + " consumed").isCloseTo(t.consumed(), offset(1e-12));
        assertThat(r.met()).as(what + " met").isEqualTo(t.burn() <= 1);
    }

    @Test
    void service_figures_judge_every_time_slice_objective_as_the_raw_requests_do() {
        Figures web = engine.services(PERIOD).getFirst();

        Truth uptime1m = Truth.of(UPTIME_1M, PERIOD, r -> true, Duration.ofDays(7));
        assertEqualsTruth(result(web, UPTIME_1M), uptime1m);
        assertEqualsTruth(result(web, UPTIME_5M), Truth.of(UPTIME_5M, PERIOD, r -> true, Duration.ofDays(31)));
        assertEqualsTruth(result(web, LATENCY_RATIO), Truth.of(LATENCY_RATIO, PERIOD, r -> true, Duration.ofDays(28)));
        assertEqualsTruth(result(web, LATENCY_HOURLY), Truth.of(LATENCY_HOURLY, PERIOD, r -> true, Duration.ofDays(28)));
        // the planted failures make bad slices, and not every slice is bad
        assertThat(uptime1m.badSlices()).isBetween(3.0, 60.0);
        assertThat(result(web, UPTIME_1M).slices().inPeriod()).isEqualTo(360);
        assertThat(result(web, OCCURRENCES).slices()).as("occurrences count requests").isNull();
        assertThat(result(web, OCCURRENCES).burnRate()).isNotNull();
    }

    @Test
    void slice_figures_judge_each_customers_own_slices() {
        List<Figures> slices = engine.slices(PERIOD, "web", "", 0, 10).rows();

        assertThat(slices).extracting(Figures::key).containsExactly("web/a", "web/b", "web/c");
        for (Figures f : slices) {
            String customer = f.key().substring("web/".length());
            Predicate<Request> mine = r -> r.customer().equals(customer);
            for (Objective o : List.of(UPTIME_1M, UPTIME_5M, LATENCY_RATIO, LATENCY_HOURLY)) {
                Duration window = o.window().lengthAt(PERIOD.from());
                assertEqualsTruth(result(f, o), Truth.of(o, PERIOD, mine, window));
            }
        }
        Figures b = slices.get(1);
        assertThat(result(b, UPTIME_1M).met()).as("b's half hour of failures").isFalse();
        assertThat(result(slices.getFirst(), UPTIME_1M).slices().judged()).as("minutes without a request of a")
                .isLessThan(360);
        List<ObjectiveResult> onlyC = engine.slices(PERIOD, "web", "c", 0, 10).rows().getFirst().objectives();
        assertThat(onlyC).extracting(ObjectiveResult::met).containsExactlyElementsOf(
                slices.get(2).objectives().stream().map(ObjectiveResult::met).toList());
        assertThat(onlyC).extracting(r -> r.slices() == null ? -1 : r.slices().good()).containsExactlyElementsOf(
                slices.get(2).objectives().stream().map(r -> r.slices() == null ? -1 : r.slices().good()).toList());
    }

    @Test
    void when_only_the_hourly_roll_up_is_kept_hourly_slices_are_judged_and_shorter_ones_say_why_not() {
        Figures web = engine.services(HISTORY).getFirst();

        assertEqualsTruth(result(web, LATENCY_HOURLY), Truth.of(LATENCY_HOURLY, HISTORY, r -> true, Duration.ofDays(28)));
        ObjectiveResult minutes = result(web, UPTIME_1M);
        assertThat(minutes.met()).isNull();
        assertThat(minutes.burnRate()).isNull();
        assertThat(minutes.note()).startsWith("time slices of 1 min need the per-minute telemetry, which is kept for "
                + "plumbline.schema.raw-ttl-days").contains(" minutes with data of this period are only in the hourly roll-up");
        assertThat(minutes.slices().minutesMissing()).isEqualTo(requests.stream().filter(r -> r.minute() >= 24 * 60)
                .map(r -> r.customer() + r.minute()).distinct().count());
    }

    @Test
    void groups_of_customers_do_not_judge_time_slices_and_say_so() {
        Figures group = engine.groups(PERIOD, PsrEngine.GroupBy.SEGMENT).getFirst();

        assertThat(result(group, UPTIME_1M).note()).startsWith("time slices are judged for services and for slices");
        assertThat(result(group, OCCURRENCES).burnRate()).isNotNull();
    }
}
