package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.alerts.Numbers;
import dev.plumbline.collectors.prometheus.MetricNames;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.MinuteCounts;
import dev.plumbline.sql.alerts.RuleManager;
import dev.plumbline.sql.alerts.RuleManager.State;
import dev.plumbline.sql.catalog.Indicator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The promtool test that comes with an exported rule file, built per rule from planted bursts on one customer's
 * steady traffic: a burn at twice the rule's threshold (at most all requests but one a minute; it fires, then resolves after the burn), the same burn at half
 * the threshold (silent), one minute of bad requests on low traffic below the minimum of requests (silent), and a
 * one-minute blip (all but one request bad) when that makes the rule pending but not long enough for its {@code for}
 * (silent). The expected
 * states are Plumbline's rule manager's on the same minutes; promtool checks them against Prometheus' own.
 */
public final class PlantedBursts {

    /** Minutes of steady traffic before a burst. */
    static final int QUIET = 10;
    private static final String CUSTOMER = "planted";

    private PlantedBursts() {
    }

    public static String testFile(AlertSubject subject, PrometheusRules.Group group, MetricNames names) {
        List<PromtoolTest> tests = new ArrayList<>();
        double target = subject.objective().target();
        for (PrometheusRules.Alerting a : group.alerts()) {
            BurnRule rule = a.rule();
            double threshold = RuleManager.threshold(rule, target);
            int longMinutes = (int) rule.longWindow().toMinutes();
            long rate = Math.max(1000, (2 * rule.minRequests() + longMinutes - 1) / longMinutes);
            int burn = longMinutes + (int) rule.forDuration().toMinutes() + 10;
            int span = QUIET + burn + longMinutes + (int) rule.keepFiringFor().toMinutes() + 10;
            int resolved = lastChange(rule, target, untied(group, target, subject, n -> burst(subject, span, prime(rate, n),
                    QUIET, burn, twice(threshold, prime(rate, n)))).counts(indicator(subject)));
            int trimmed = Math.min(span, resolved + 10);
            PlantedTraffic fires = untied(group, target, subject, n -> burst(subject, trimmed, prime(rate, n), QUIET, burn,
                    twice(threshold, prime(rate, n))));
            PromtoolTest firing = test(a.alert() + " fires on a burn of " + Numbers.brief(Math.min(2 * threshold, 1), 3)
                    + " of requests and resolves after it", subject, group, names, fires, Set.of());
            tests.add(firing);
            Set<Integer> sameMinutes = new java.util.TreeSet<>(firing.checks().stream().map(PromtoolTest.Check::minute)
                    .toList());
            tests.add(test(a.alert() + " stays silent at half its threshold", subject, group, names,
                    untied(group, target, subject, n -> burst(subject, trimmed, prime(rate, n), QUIET, burn,
                            Math.floor(threshold * (prime(rate, n)) / 2))), sameMinutes));
            if (rule.minRequests() > 1) {
                long n = rule.minRequests() - 1;
                PlantedTraffic few = new PlantedTraffic(QUIET + longMinutes + 10)
                        .set(CUSTOMER, 0, QUIET + longMinutes + 10, 0, 0, 0)
                        .set(CUSTOMER, QUIET, QUIET + 1, n, failed(subject, n), slow(subject, n));
                tests.add(test(a.alert() + " stays silent on " + (rule.minRequests() - 1) + " bad requests, below its "
                        + "minimum of " + rule.minRequests(), subject, group, names, few, Set.of(QUIET + 1, QUIET + 2,
                        QUIET + longMinutes)));
            }
            if (!rule.forDuration().isZero()) {
                PlantedTraffic blip = untied(group, target, subject, n -> burst(subject, QUIET + longMinutes + 10,
                        prime(rate, n), QUIET, 1, prime(rate, n) - 1));
                State[] states = RuleManager.run(rule, target, blip.counts(indicator(subject)), Instant.EPOCH,
                        Instant.EPOCH.plus(blip.minutes(), ChronoUnit.MINUTES)).states();
                if (Arrays.asList(states).contains(State.PENDING) && !Arrays.asList(states).contains(State.FIRING)) {
                    tests.add(test(a.alert() + " stays silent on a one-minute blip, shorter than its for "
                            + PrometheusRules.window(rule.forDuration()), subject, group, names, blip, Set.of()));
                }
            }
        }
        return PromtoolTestFile.write(RuleConventions.ruleFile(subject), tests);
    }

    /**
     * Bad requests a minute at twice the threshold, at most all but one of {@code rate}: were all requests bad, a
     * window's share would be a ratio of minutes whatever the rate, and could tie with another rule's threshold (9 bad
     * minutes of 30 against 0.3).
     */
    private static double twice(double threshold, long rate) {
        return Math.min(rate - 1, Math.ceil(2 * threshold * rate));
    }

    private static PromtoolTest test(String name, AlertSubject subject, PrometheusRules.Group group, MetricNames names,
                                     PlantedTraffic traffic, Set<Integer> also) {
        return PromtoolTest.of(name, group, subject.objective().target(), traffic.counts(indicator(subject)),
                traffic.series(names, subject.objective()), also);
    }

    /** Steady {@code rate} requests a minute, {@code bad} of them bad in [from, from + length). */
    private static PlantedTraffic burst(AlertSubject s, int span, double rate, int from, int length, double bad) {
        PlantedTraffic t = new PlantedTraffic(span).set(CUSTOMER, 0, span, rate, 0, 0);
        return t.set(CUSTOMER, from, from + length, rate, failed(s, bad), slow(s, bad));
    }

    private static double failed(AlertSubject s, double bad) {
        return indicator(s) == Indicator.AVAILABILITY ? bad : 0;
    }

    private static double slow(AlertSubject s, double bad) {
        return indicator(s) == Indicator.LATENCY ? bad : 0;
    }

    private static Indicator indicator(AlertSubject s) {
        return s.objective().indicator();
    }

    /**
     * The planted traffic at the first prime rate (from a floor, the n-th prime above it for nudge n) at which no window
     * of any rule of the group ties with its threshold (see {@link Ties}). A prime number of requests a minute makes
     * a share of bad requests equal to a decimal threshold (0.01, 0.0144) rare: it needs a window of a multiple of
     * that prime's minutes.
     */
    static PlantedTraffic untied(PrometheusRules.Group group, double target, AlertSubject subject,
                                 java.util.function.IntFunction<PlantedTraffic> plant) {
        String tie = "";
        for (int nudge = 0; nudge < 50; nudge++) {
            PlantedTraffic t = plant.apply(nudge);
            MinuteCounts counts = t.counts(indicator(subject));
            tie = "";
            for (PrometheusRules.Alerting a : group.alerts()) {
                List<Integer> ties = Ties.of(a.rule(), target, counts);
                if (!ties.isEmpty()) {
                    tie = a.rule().name() + " at minute " + ties.getFirst();
                    break;
                }
            }
            if (tie.isEmpty()) {
                return t;
            }
        }
        throw new IllegalStateException("no planted rate among 50 primes avoids a tie with a threshold (last: " + tie + ")");
    }

    /** The {@code n}-th prime (from 0) at or above {@code floor}. */
    static long prime(long floor, int n) {
        long p = floor - 1;
        for (int found = -1; found < n; ) {
            p++;
            if (isPrime(p)) {
                found++;
            }
        }
        return p;
    }

    private static boolean isPrime(long p) {
        if (p < 2) {
            return false;
        }
        for (long d = 2; d * d <= p; d++) {
            if (p % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** The last evaluation at which the rule's state changed. */
    private static int lastChange(BurnRule rule, double target, MinuteCounts counts) {
        State[] s = RuleManager.run(rule, target, counts, Instant.EPOCH,
                Instant.EPOCH.plus(counts.minutes(), ChronoUnit.MINUTES)).states();
        int last = 0;
        for (int e = 1; e < s.length; e++) {
            if (s[e] != s[e - 1]) {
                last = e;
            }
        }
        return last;
    }
}
