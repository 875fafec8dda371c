package dev.plumbline.dashboards.improvements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.fixes.Effect;
import dev.plumbline.sql.fixes.EffectWindows;
import dev.plumbline.sql.fixes.FixState;
import dev.plumbline.sql.fixes.Hypothesis;
import dev.plumbline.sql.fixes.Significance;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImprovementTextTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);

    private static Effect effect(EffectWindows w, Significance s, boolean held) {
        Effect.Window before = new Effect.Window(w.beforeFrom(), w.beforeTo(), 100, 0.021, List.of());
        Effect.Window after = new Effect.Window(w.afterFrom(), w.afterTo(), 100, 0.004, List.of());
        return new Effect(w, before, after, s, 0, 0, held, FixState.SHIPPED, List.of());
    }

    @ParameterizedTest(name = "a p-value of {0} reads {1}")
    @CsvSource({"0.87630782, 0.88", "0.0369420, 0.037", "1.0, 1", "0.00002666, < 0.0001"})
    void p_values_keep_two_significant_digits(double p, String text) {
        assertThat(ImprovementText.p(p)).isEqualTo(text);
    }

    @Test
    void an_error_ratio_is_a_percentage_and_a_p95_is_milliseconds() {
        assertThat(ImprovementText.hypothesis(new Hypothesis(Hypothesis.Figure.ERROR_RATIO,
                Hypothesis.Comparison.BELOW, 0.001))).isEqualTo("error ratio below 0.10%");
        assertThat(ImprovementText.hypothesis(new Hypothesis(Hypothesis.Figure.P95_MS,
                Hypothesis.Comparison.BELOW, 800))).isEqualTo("p95 below 800 ms");
        assertThat(ImprovementText.value(Hypothesis.Figure.P95_MS, null)).isEqualTo("–");
    }

    @Test
    void the_verdict_names_the_change_and_its_p_value_or_how_far_the_measuring_is() {
        EffectWindows full = new EffectWindows(DAY, 14);
        Significance improved = new Significance(14, 14, 0.021, 0.004, 19.4, 0.0000027, Significance.Change.IMPROVED);

        assertThat(ImprovementText.verdict(effect(full, improved, true))).isEqualTo("improved (p < 0.0001)");
        assertThat(ImprovementText.beforeAfter(Hypothesis.Figure.ERROR_RATIO, effect(full, improved, true)))
                .isEqualTo("2.10% → 0.40%");
        assertThat(ImprovementText.held(effect(full, improved, false))).isEqualTo("not held");
        assertThat(ImprovementText.verdict(effect(new EffectWindows(DAY, 2), null, false)))
                .isEqualTo("measuring: 2 of 3 days");
        assertThat(ImprovementText.held(effect(new EffectWindows(DAY, 2), null, false))).isEqualTo("–");
        assertThat(ImprovementText.test(effect(full, improved, true))).isEqualTo("improved (p < 0.0001); hypothesis held");
        assertThat(ImprovementText.test(effect(new EffectWindows(DAY, 2), null, false)))
                .as("no verdict of the hypothesis while measuring").isEqualTo("measuring: 2 of 3 days");
        Significance noise = new Significance(14, 14, 0.021, 0.020, 0.8, 0.43, Significance.Change.NO_SIGNIFICANT_CHANGE);
        assertThat(ImprovementText.test(effect(full, noise, false)))
                .isEqualTo("no significant change (p = 0.43); hypothesis not held");
    }

    @Test
    void the_state_carries_the_ship_day_once_shipped() {
        assertThat(ImprovementText.state("planned", null)).isEqualTo("planned");
        assertThat(ImprovementText.state("verified-improved", DAY)).isEqualTo("verified-improved, shipped " + DAY);
    }
}
