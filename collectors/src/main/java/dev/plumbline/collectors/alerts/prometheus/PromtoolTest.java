package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.sql.alerts.MinuteCounts;
import dev.plumbline.sql.alerts.RuleManager;
import dev.plumbline.sql.alerts.RuleManager.State;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One test of a {@code promtool test rules} file: planted input series and, at chosen minutes, the alerts that must be
 * firing then, as Plumbline's rule manager computes them on the same minutes. promtool compares firing alerts only,
 * with their labels and annotations exactly; an empty list asserts that the alert is not firing.
 *
 * @param checks ordered by minute, then alert
 */
public record PromtoolTest(String name, List<PlantedTraffic.Series> series, List<Check> checks) {

    public PromtoolTest {
        series = List.copyOf(series);
        checks = List.copyOf(checks);
    }

    /** At {@code minute} (from time 0), the alert {@code alertname} fires with these labels and annotations, or not. */
    public record Check(int minute, String alertname, boolean firing, Map<String, String> labels,
                        Map<String, String> annotations) {
    }

    /**
     * The test of {@code group}'s alerts on {@code counts} (the same minutes as {@code series}): every minute an alert's
     * state changes (inactive, pending, firing), the minutes either side, and {@code also}, each asserting every alert.
     */
    public static PromtoolTest of(String name, PrometheusRules.Group group, double target, MinuteCounts counts,
                                  List<PlantedTraffic.Series> series, Set<Integer> also) {
        if (!counts.start().equals(Instant.EPOCH)) {
            throw new IllegalArgumentException("counts must start at time 0 (the epoch), as promtool's series do");
        }
        int last = counts.minutes();
        Instant end = Instant.EPOCH.plus(last, ChronoUnit.MINUTES);
        List<State[]> states = new ArrayList<>();
        TreeSet<Integer> minutes = new TreeSet<>();
        also.stream().filter(m -> m >= 0 && m <= last).forEach(minutes::add);
        for (PrometheusRules.Alerting a : group.alerts()) {
            State[] s = RuleManager.run(a.rule(), target, counts, Instant.EPOCH, end).states();
            states.add(s);
            minutes.addAll(boundaries(s));
        }
        List<Check> checks = new ArrayList<>();
        for (int m : minutes) {
            for (int i = 0; i < group.alerts().size(); i++) {
                PrometheusRules.Alerting a = group.alerts().get(i);
                checks.add(new Check(m, a.alert(), states.get(i)[m] == State.FIRING, a.labels(), a.annotations()));
            }
        }
        return new PromtoolTest(name, series, checks);
    }

    /** Every evaluation whose state differs from the one before (time 0 against inactive), and those either side. */
    public static Set<Integer> boundaries(State[] states) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int e = 0; e < states.length; e++) {
            State before = e == 0 ? State.INACTIVE : states[e - 1];
            if (states[e] != before) {
                for (int m = e - 1; m <= e + 1; m++) {
                    if (m >= 0 && m < states.length) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    /** The same test with one check changed (a wrong expectation, to show promtool catches it). */
    public PromtoolTest with(int index, Check check) {
        List<Check> changed = new ArrayList<>(checks);
        changed.set(index, check);
        return new PromtoolTest(name, series, changed);
    }
}
