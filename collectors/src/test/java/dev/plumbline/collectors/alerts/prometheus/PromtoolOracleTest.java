package dev.plumbline.collectors.alerts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.BurnRule.Severity;
import dev.plumbline.sql.alerts.Presets;
import dev.plumbline.sql.alerts.RuleManager;
import dev.plumbline.sql.alerts.RuleManager.State;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle of the backtest: Prometheus' own rule manager. Six days of planted minutes (two customers, several
 * incidents) are written as {@code promtool test rules} input series; the exported rules of four candidate policies
 * are run through Debian's promtool 2.42 with, at every minute an alert's state changes in Plumbline's
 * {@link RuleManager} on the same minutes and at the minutes either side, the alerts it says are firing then. promtool
 * must answer SUCCESS; one boundary moved by a minute must make it answer FAILED.
 */
class PromtoolOracleTest {

    static final Service CHECKOUT = new Service("checkout", "Checkout", "", "payments", "tier-1", 1,
            "https://runbooks.example.com/checkout");
    static final Objective AVAILABILITY = new Objective("checkout", "availability", Indicator.AVAILABILITY, 0.999,
            null, ObjectiveWindow.rolling(30));
    static final Objective LATENCY = new Objective("checkout", "latency", Indicator.LATENCY, 0.99, 300.0,
            ObjectiveWindow.rolling(28));
    static final List<Double> BOUNDS = List.of(0.1, 0.3, 1.0, Double.POSITIVE_INFINITY);
    static final MetricNames NAMES = MetricNames.plumbline();

    static final int DAY = 24 * 60;
    static final int MINUTES = 6 * DAY;
    /** Day 1 10:00: 25 minutes of 72 failed requests a minute from acme (7.2% of all requests). */
    static final int SHARP = DAY + 10 * 60;
    /** Day 1 16:00: one minute in which 900 of the 998 requests fail (1.5% of the hour's). */
    static final int BLIP = DAY + 16 * 60;
    /** Day 2 06:00: 48 hours of 2 failed requests a minute (0.2%, twice the budget). */
    static final int SLOW = 2 * DAY + 6 * 60;
    /** Day 4 14:00: 40 minutes in which 300 of acme's 601 requests take longer than 300 ms. */
    static final int LATENCY_EPISODE = 4 * DAY + 14 * 60;
    /** Day 5 16:00: four hours of 10 requests a minute, with 4 failures a minute in three minutes of them. */
    static final int NIGHT = 5 * DAY + 16 * 60;

    /** The planted history: acme 601 and globex 397 requests a minute, and the incidents above. */
    static PlantedTraffic history() {
        PlantedTraffic t = new PlantedTraffic(MINUTES)
                .set("acme", 0, MINUTES, 601, 0, 0)
                .set("globex", 0, MINUTES, 397, 0, 0);
        t.set("acme", SHARP, SHARP + 25, 601, 72, 0);
        t.set("acme", BLIP, BLIP + 1, 601, 600, 0).set("globex", BLIP, BLIP + 1, 397, 300, 0);
        t.set("acme", SLOW, SLOW + 2 * DAY, 601, 1, 0).set("globex", SLOW, SLOW + 2 * DAY, 397, 1, 0);
        t.set("acme", LATENCY_EPISODE, LATENCY_EPISODE + 40, 601, 1, 300);   // (the slow burn goes on)
        t.set("acme", NIGHT, NIGHT + 240, 7, 0, 0).set("globex", NIGHT, NIGHT + 240, 3, 0, 0);
        t.set("acme", NIGHT + 120, NIGHT + 123, 7, 4, 0);
        return t;
    }

    /** For and keep_firing_for on both pages. */
    static final AlertPolicy HELD = new AlertPolicy("held", "pages held 10m and 30m, kept firing 15m and 1h", List.of(
            new BurnRule("page-1h", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4,
                    Duration.ofMinutes(10), Duration.ofMinutes(15), 0),
            new BurnRule("page-6h", Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 6,
                    Duration.ofMinutes(30), Duration.ofHours(1), 0)));
    /** A minimum of requests in the long window. */
    static final AlertPolicy GUARDED = new AlertPolicy("guarded", "pages only with 1000 and 5000 requests", List.of(
            new BurnRule("page-1h", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4,
                    Duration.ZERO, Duration.ZERO, 1000),
            new BurnRule("page-6h", Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 6,
                    Duration.ZERO, Duration.ZERO, 5000)));

    static Stream<Arguments> candidates() {
        return Stream.of(AVAILABILITY, LATENCY).flatMap(o -> Stream.of(Presets.sreWorkbook(o.window()),
                Presets.pyrra(o.window()), HELD, GUARDED).map(p -> Arguments.of(p.name(), o.name(), p, o)));
    }

    static AlertSubject subject(Objective o) {
        return new AlertSubject(CHECKOUT, o, "https://plumbline.example.com/service?name=checkout");
    }

    static PromtoolTest oracle(AlertPolicy policy, Objective objective) {
        AlertSubject s = subject(objective);
        PlantedTraffic history = history();
        PrometheusRules.Group group = PrometheusRules.of(s, policy, NAMES, Optional.of(BOUNDS));
        return PromtoolTest.of("planted history, policy " + policy.name(), group, objective.target(),
                history.counts(objective.indicator()), history.series(NAMES, objective), Set.of());
    }

    static Promtool.Result run(Path dir, AlertPolicy policy, Objective objective, PromtoolTest test) throws Exception {
        AlertSubject s = subject(objective);
        Promtool.write(dir, RuleConventions.ruleFile(s),
                RuleFileYaml.write(PrometheusRules.of(s, policy, NAMES, Optional.of(BOUNDS))));
        Promtool.write(dir, RuleConventions.testFile(s), PromtoolTestFile.write(RuleConventions.ruleFile(s), List.of(test)));
        return Promtool.testRules(dir.resolve(RuleConventions.testFile(s)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("candidates")
    void prometheus_fires_and_resolves_every_alert_at_the_minutes_the_rule_manager_says(
            String name, String objectiveName, AlertPolicy policy, Objective objective, @TempDir Path dir) throws Exception {
        for (BurnRule r : policy.rules()) {
            assertThat(Ties.of(r, objective.target(), history().counts(objective.indicator())))
                    .as("minutes where a window of %s ties with its threshold (the planted history must avoid them)",
                            r.name()).isEmpty();
        }
        PromtoolTest test = oracle(policy, objective);
        assertThat(test.checks()).as("the history makes some alert of %s fire", name).anyMatch(PromtoolTest.Check::firing);

        Promtool.Result result = run(dir, policy, objective, test);

        System.out.println("promtool test rules, " + name + " on " + objectiveName + " (" + test.checks().size()
                + " checks at " + test.checks().stream().map(PromtoolTest.Check::minute).distinct().count()
                + " minutes):\n" + result.output());
        assertThat(result.success()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void the_oracle_is_prometheus_2_42_from_debian() throws Exception {
        assertThat(Promtool.version()).startsWith("promtool, version 2.42.").contains("debian");
    }

    @Test
    void a_boundary_moved_by_one_minute_makes_promtool_fail(@TempDir Path dir) throws Exception {
        AlertPolicy sre = Presets.sreWorkbook(AVAILABILITY.window());
        PromtoolTest test = oracle(sre, AVAILABILITY);
        // the first firing: the check the minute before it says "not firing"; claim it fired a minute earlier
        int first = indexOfFirstFiring(test);
        PromtoolTest.Check fired = test.checks().get(first);
        int before = indexOf(test, fired.minute() - 1, fired.alertname());
        PromtoolTest wrong = test.with(before, new PromtoolTest.Check(fired.minute() - 1, fired.alertname(), true,
                fired.labels(), fired.annotations()));

        Promtool.Result result = run(dir, sre, AVAILABILITY, wrong);

        assertThat(result.success()).as(result.output()).isFalse();
        assertThat(result.output()).contains("FAILED", "alertname: " + fired.alertname() + ", time: "
                + format(fired.minute() - 1));
        assertThat(run(dir, sre, AVAILABILITY, test).success()).as("the same test, unchanged, passes").isTrue();
    }

    @Test
    void the_planted_incidents_are_the_cases_they_are_meant_to_be() {
        var counts = history().counts(Indicator.AVAILABILITY);
        AlertPolicy sre = Presets.sreWorkbook(AVAILABILITY.window());
        // the sharp burn pages at once; the blip pages too (for 0) but the held page only goes pending
        assertThat(firesWithin(sre.rules().get(0), counts, SHARP, SHARP + 60)).isTrue();
        assertThat(firesWithin(sre.rules().get(0), counts, BLIP, BLIP + 30)).isTrue();
        assertThat(statesWithin(HELD.rules().get(0), counts, BLIP, BLIP + 30)).contains(State.PENDING)
                .doesNotContain(State.FIRING);
        // the slow burn opens a ticket, the pages stay silent
        assertThat(firesWithin(sre.rules().get(2), counts, SLOW + DAY, SLOW + 2 * DAY + 6 * 60)).isTrue();
        assertThat(firesWithin(sre.rules().get(0), counts, SLOW + 60, SLOW + 2 * DAY)).isFalse();
        // failures on night traffic page without a minimum of requests, not with one
        assertThat(firesWithin(sre.rules().get(0), counts, NIGHT, NIGHT + 240)).isTrue();
        assertThat(firesWithin(GUARDED.rules().get(0), counts, NIGHT, NIGHT + 240)).isFalse();
        // the latency episode pages on the latency objective
        var slow = history().counts(Indicator.LATENCY);
        assertThat(firesWithin(Presets.sreWorkbook(LATENCY.window()).rules().get(0), slow, LATENCY_EPISODE,
                LATENCY_EPISODE + 60, LATENCY.target())).isTrue();
    }

    private static boolean firesWithin(BurnRule rule, dev.plumbline.sql.alerts.MinuteCounts counts, int from, int to) {
        return firesWithin(rule, counts, from, to, AVAILABILITY.target());
    }

    private static boolean firesWithin(BurnRule rule, dev.plumbline.sql.alerts.MinuteCounts counts, int from, int to,
                                       double target) {
        return statesWithin(rule, counts, from, to, target).contains(State.FIRING);
    }

    private static List<State> statesWithin(BurnRule rule, dev.plumbline.sql.alerts.MinuteCounts counts, int from,
                                            int to) {
        return statesWithin(rule, counts, from, to, AVAILABILITY.target());
    }

    private static List<State> statesWithin(BurnRule rule, dev.plumbline.sql.alerts.MinuteCounts counts, int from,
                                            int to, double target) {
        State[] s = RuleManager.run(rule, target, counts, Instant.EPOCH, Instant.EPOCH.plus(MINUTES, ChronoUnit.MINUTES))
                .states();
        return Arrays.asList(s).subList(from, to);
    }

    private static int indexOfFirstFiring(PromtoolTest test) {
        for (int i = 0; i < test.checks().size(); i++) {
            if (test.checks().get(i).firing()) {
                return i;
            }
        }
        throw new AssertionError("nothing fires");
    }

    private static int indexOf(PromtoolTest test, int minute, String alertname) {
        for (int i = 0; i < test.checks().size(); i++) {
            PromtoolTest.Check c = test.checks().get(i);
            if (c.minute() == minute && c.alertname().equals(alertname)) {
                if (c.firing()) {
                    throw new AssertionError(alertname + " already fires at minute " + minute);
                }
                return i;
            }
        }
        throw new AssertionError("no check of " + alertname + " at minute " + minute);
    }

    /** promtool prints times as Prometheus durations, the units that are not 0: 1d10h11m, 1w2h. */
    private static String format(int minute) {
        int[] sizes = {7 * DAY, DAY, 60, 1};
        String[] units = {"w", "d", "h", "m"};
        StringBuilder out = new StringBuilder();
        int rest = minute;
        for (int i = 0; i < sizes.length; i++) {
            if (rest / sizes[i] > 0) {
                out.append(rest / sizes[i]).append(units[i]);
            }
            rest %= sizes[i];
        }
        return out.isEmpty() ? "0s" : out.toString();
    }
}
