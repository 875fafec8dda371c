package dev.plumbline.sql.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.plumbline.sql.psr.Histogram;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The effect of a fix from customer-days written by hand: shipped on 10 November, measured on 16 November, so 5
 * whole days each side: before 5-9 November, after 11-15 November. Rows on 4, 10 and 16 November lie outside both
 * windows and are planted with figures that would change every result if they were read.
 */
class EffectsTest {

    private static final LocalDate SHIPPED = LocalDate.of(2026, 11, 10);
    private static final EffectWindows WINDOWS = EffectWindows.of(SHIPPED, LocalDate.of(2026, 11, 16));
    private static final Hypothesis UNDER_1_PERCENT = new Hypothesis(Hypothesis.Figure.ERROR_RATIO,
            Hypothesis.Comparison.BELOW, 0.01);
    private static final List<Double> LE = List.of(0.5, 1.0, Double.POSITIVE_INFINITY);

    /** Both customers send 1,000 requests a day; "a" and "b" share the day's errors as given. */
    private static List<CustomerDay> errorDays(int[] before, int[] after) {
        List<CustomerDay> days = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            days.add(new CustomerDay(SHIPPED.minusDays(5 - i), "a", 1000, before[i] - 10, Histogram.EMPTY));
            days.add(new CustomerDay(SHIPPED.minusDays(5 - i), "b", 1000, 10, Histogram.EMPTY));
            days.add(new CustomerDay(SHIPPED.plusDays(1 + i), "a", 1000, after[i] - 5, Histogram.EMPTY));
            days.add(new CustomerDay(SHIPPED.plusDays(1 + i), "b", 1000, 5, Histogram.EMPTY));
        }
        for (LocalDate outside : List.of(SHIPPED.minusDays(6), SHIPPED, SHIPPED.plusDays(6))) {
            days.add(new CustomerDay(outside, "a", 1000, 900, Histogram.EMPTY));
        }
        return days;
    }

    @Test
    void a_clear_improvement_of_the_error_ratio_is_verified_and_the_hypothesis_held() {
        // the day's ratio over 2,000 requests: 2.0, 2.2, 1.8, 2.1, 1.9% before, 0.5, 0.6, 0.4, 0.5, 0.5% after,
        // SignificanceTest's first case (t = 19.3649); over the windows 200 / 10,000 and 50 / 10,000
        Effect e = Effects.measure(UNDER_1_PERCENT, List.of("a", "b"), WINDOWS,
                errorDays(new int[] {40, 44, 36, 42, 38}, new int[] {10, 12, 8, 10, 10}), 5000, 1000);

        assertThat(e.before().value()).isCloseTo(0.02, offset(1e-12));
        assertThat(e.after().value()).isCloseTo(0.005, offset(1e-12));
        assertThat(e.before().requests()).isEqualTo(10_000);
        assertThat(e.before().daily()).extracting(Effect.DailyValue::day)
                .containsExactly(SHIPPED.minusDays(5), SHIPPED.minusDays(4), SHIPPED.minusDays(3), SHIPPED.minusDays(2),
                        SHIPPED.minusDays(1));
        assertThat(e.significance().t()).isCloseTo(19.36491673103708, offset(1e-9));
        assertThat(e.state()).isEqualTo(FixState.VERIFIED_IMPROVED);
        assertThat(e.hypothesisHeld()).isTrue();
        assertThat(e.revenueAtRiskBefore()).isEqualTo(5000);
        assertThat(e.revenueAtRiskAfter()).isEqualTo(1000);
    }

    @Test
    void each_affected_customer_is_measured_on_its_own_days() {
        Effect e = Effects.measure(UNDER_1_PERCENT, List.of("a", "b"), WINDOWS,
                errorDays(new int[] {40, 44, 36, 42, 38}, new int[] {10, 12, 8, 10, 10}), 0, 0);

        Effect.CustomerEffect b = e.customers().get(1);
        assertThat(b.customer()).isEqualTo("b");
        assertThat(b.before().value()).isCloseTo(0.010, offset(1e-12));   // 10 of 1,000 every day
        assertThat(b.after().value()).isCloseTo(0.005, offset(1e-12));
        assertThat(b.significance().change()).as("no spread either side: a certain fall")
                .isEqualTo(Significance.Change.IMPROVED);
        Effect.CustomerEffect a = e.customers().getFirst();
        assertThat(a.before().value()).isCloseTo(0.030, offset(1e-12));   // 150 of 5,000
        assertThat(a.after().value()).isCloseTo(0.005, offset(1e-12));    // 25 of 5,000
    }

    @Test
    void noise_is_no_significant_change_and_a_hypothesis_not_reached_did_not_hold() {
        // 2.0, 2.8, 1.6, 2.4, 2.2% before and 2.0, 1.8, 2.6, 2.0, 2.4% after: SignificanceTest's noise case x 2%
        Effect e = Effects.measure(UNDER_1_PERCENT, List.of("a", "b"), WINDOWS,
                errorDays(new int[] {40, 56, 32, 48, 44}, new int[] {40, 36, 52, 40, 48}), 0, 0);

        assertThat(e.significance().t()).isCloseTo(0.16116459280507622, offset(1e-9));
        assertThat(e.state()).isEqualTo(FixState.NO_SIGNIFICANT_CHANGE);
        assertThat(e.hypothesisHeld()).isFalse();
    }

    @Test
    void a_p95_that_rose_is_worse_computed_from_the_merged_histograms() {
        // before: 98 of 100 requests under 0.5 s: p95 = 0.5 x 95/98 = 484.69 ms; after: 90 under 0.5 s, 10 in
        // (0.5, 1]: p95 = 0.5 + 0.5 x (95 - 90)/10 = 750 ms, also over the merged window (450, 50: rank 475)
        List<CustomerDay> days = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            days.add(new CustomerDay(SHIPPED.minusDays(5 - i), "a", 100, 0, new Histogram(LE, List.of(98.0, 2.0, 0.0))));
            days.add(new CustomerDay(SHIPPED.plusDays(1 + i), "a", 100, 0, new Histogram(LE, List.of(90.0, 10.0, 0.0))));
        }
        Effect e = Effects.measure(new Hypothesis(Hypothesis.Figure.P95_MS, Hypothesis.Comparison.BELOW, 600),
                List.of("a"), WINDOWS, days, 0, 0);

        assertThat(e.before().value()).isCloseTo(500 * 95 / 98.0, offset(1e-9));
        assertThat(e.after().value()).isCloseTo(750, offset(1e-9));
        assertThat(e.state()).isEqualTo(FixState.WORSE);
        assertThat(e.hypothesisHeld()).isFalse();
    }

    @Test
    void a_day_whose_customers_have_different_bucket_layouts_has_no_p95() {
        List<CustomerDay> days = List.of(
                new CustomerDay(SHIPPED.minusDays(1), "a", 100, 0, new Histogram(LE, List.of(98.0, 2.0, 0.0))),
                new CustomerDay(SHIPPED.minusDays(1), "b", 100, 0,
                        new Histogram(List.of(0.25, Double.POSITIVE_INFINITY), List.of(100.0, 0.0))));

        Effect.Window w = Effects.window(Hypothesis.Figure.P95_MS, SHIPPED.minusDays(5), SHIPPED, days);

        assertThat(w.daily()).isEmpty();
        assertThat(w.value()).isNull();
        assertThat(w.requests()).isEqualTo(200);
    }

    @Test
    void a_fix_shipped_two_days_ago_is_still_shipped_with_nothing_tested() {
        Effect e = Effects.measure(UNDER_1_PERCENT, List.of("a", "b"), EffectWindows.of(SHIPPED, SHIPPED.plusDays(3)),
                errorDays(new int[] {40, 44, 36, 42, 38}, new int[] {10, 12, 8, 10, 10}), 0, 0);

        assertThat(e.windows().days()).isEqualTo(2);
        assertThat(e.significance()).isNull();
        assertThat(e.state()).isEqualTo(FixState.SHIPPED);
        assertThat(e.hypothesisHeld()).isFalse();
    }
}
