package dev.plumbline.sql.fixes;

import dev.plumbline.sql.psr.Histogram;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effect of a shipped fix, from the affected customers' days: pure arithmetic over {@link CustomerDay} rows, so
 * the tests can check it against hand-computed cases. The figure is the hypothesis' ({@link Hypothesis.Figure}): a
 * day's error ratio is its errors / requests, a day's p95 the 95th percentile of its merged histogram (ms). Several
 * customers together sum their requests and errors and merge their histograms; a day whose histograms have different
 * bucket layouts has no p95. Days without a value are left out of the test, not counted as zero.
 */
public final class Effects {

    private Effects() {
    }

    /**
     * The effect over {@code windows} of a fix with {@code hypothesis} on {@code customers}, from {@code days} (any
     * days; those outside the windows, the ship day among them, are ignored) and the revenue at risk of each window.
     */
    public static Effect measure(Hypothesis hypothesis, List<String> customers, EffectWindows windows,
                                 List<CustomerDay> days, double revenueAtRiskBefore, double revenueAtRiskAfter) {
        Hypothesis.Figure figure = hypothesis.figure();
        Effect.Window before = window(figure, windows.beforeFrom(), windows.beforeTo(), days);
        Effect.Window after = window(figure, windows.afterFrom(), windows.afterTo(), days);
        Significance overall = windows.measurable() ? test(before, after) : null;
        List<Effect.CustomerEffect> perCustomer = new ArrayList<>();
        for (String customer : customers) {
            List<CustomerDay> own = days.stream().filter(d -> d.customer().equals(customer)).toList();
            Effect.Window b = window(figure, windows.beforeFrom(), windows.beforeTo(), own);
            Effect.Window a = window(figure, windows.afterFrom(), windows.afterTo(), own);
            perCustomer.add(new Effect.CustomerEffect(customer, b, a, windows.measurable() ? test(b, a) : null));
        }
        FixState state = overall == null ? FixState.SHIPPED : switch (overall.change()) {
            case IMPROVED -> FixState.VERIFIED_IMPROVED;
            case NO_SIGNIFICANT_CHANGE -> FixState.NO_SIGNIFICANT_CHANGE;
            case WORSE -> FixState.WORSE;
        };
        return new Effect(windows, before, after, overall, revenueAtRiskBefore, revenueAtRiskAfter,
                windows.measurable() && hypothesis.heldBy(after.value()), state, perCustomer);
    }

    private static Significance test(Effect.Window before, Effect.Window after) {
        if (before.daily().size() < 2 || after.daily().size() < 2) {
            return null;
        }
        return Significance.welch(values(before), values(after));
    }

    private static double[] values(Effect.Window window) {
        return window.daily().stream().mapToDouble(Effect.DailyValue::value).toArray();
    }

    /** The figure over [from, to) and per day, of every row of {@code days} in it. */
    static Effect.Window window(Hypothesis.Figure figure, LocalDate from, LocalDate to, List<CustomerDay> days) {
        Map<LocalDate, Totals> byDay = new TreeMap<>();
        Totals whole = new Totals();
        for (CustomerDay d : days) {
            if (!d.day().isBefore(from) && d.day().isBefore(to)) {
                byDay.computeIfAbsent(d.day(), k -> new Totals()).add(d);
                whole.add(d);
            }
        }
        List<Effect.DailyValue> daily = new ArrayList<>();
        byDay.forEach((day, totals) -> {
            Double v = totals.value(figure);
            if (v != null) {
                daily.add(new Effect.DailyValue(day, v));
            }
        });
        return new Effect.Window(from, to, whole.requests, whole.value(figure), List.copyOf(daily));
    }

    /** Requests, errors and the merged histogram of some customer-days; unmergeable once two layouts meet. */
    private static final class Totals {
        double requests;
        double errors;
        Histogram histogram = Histogram.EMPTY;
        boolean mergeable = true;

        void add(CustomerDay d) {
            requests += d.requests();
            errors += d.errors();
            Histogram h = d.histogram();
            if (h.le().isEmpty()) {
                return;
            }
            if (!histogram.le().isEmpty() && !histogram.le().equals(h.le())) {
                mergeable = false;
                return;
            }
            histogram = histogram.merge(h);
        }

        Double value(Hypothesis.Figure figure) {
            return switch (figure) {
                case ERROR_RATIO -> requests > 0 ? errors / requests : null;
                case P95_MS -> {
                    Double seconds = mergeable ? histogram.quantile(0.95) : null;
                    yield seconds == null ? null : seconds * 1000;
                }
            };
        }
    }
}
