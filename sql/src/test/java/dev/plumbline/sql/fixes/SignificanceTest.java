package dev.plumbline.sql.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Welch's t-test against hand-computed cases. t is worked out by hand below from the sample means and variances
 * (s² with n - 1); the two-sided p-values are SciPy 1.17's {@code scipy.stats.ttest_ind(a, b, equal_var=False)},
 * an implementation independent of Commons Math.
 */
class SignificanceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // means 0.020 and 0.005; s1² = (0+4+4+1+1)e-6/4 = 2.5e-6, s2² = (0+1+1+0+0)e-6/4 = 0.5e-6;
                // t = 0.015 / sqrt(2.5e-6/5 + 0.5e-6/5) = 0.015 / 7.745967e-4 = 19.3649
                Arguments.of("a clear improvement: errors fall from 2% to 0.5% a day",
                        new double[] {0.020, 0.022, 0.018, 0.021, 0.019}, new double[] {0.005, 0.006, 0.004, 0.005, 0.005},
                        19.36491673103708, 2.6667205569483998e-06, Significance.Change.IMPROVED),
                // means 1.10 and 1.08; s1² = 0.20/4 = 0.05, s2² = 0.108/4 = 0.027;
                // t = 0.02 / sqrt(0.05/5 + 0.027/5) = 0.02 / 0.124097 = 0.161165
                Arguments.of("noise: a 2% lower mean within a spread of 20% is no significant change",
                        new double[] {1.0, 1.4, 0.8, 1.2, 1.1}, new double[] {1.0, 0.9, 1.3, 1.0, 1.2},
                        0.16116459280507622, 0.876307829240328, Significance.Change.NO_SIGNIFICANT_CHANGE),
                // means 500 and 700; s1² = (0+400+400+100+100)/4 = 250, s2² = (0+2500+400+400+2500)/4 = 1450;
                // t = -200 / sqrt(250/5 + 1450/5) = -200 / sqrt(340) = -10.8465
                Arguments.of("a regression: p95 rises from 500 ms to 700 ms a day",
                        new double[] {500, 520, 480, 510, 490}, new double[] {700, 650, 720, 680, 750},
                        -10.846522890932809, 7.723326456462553e-05, Significance.Change.WORSE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void welch_gives_the_hand_computed_t_the_independent_p_value_and_the_change(String sentence, double[] before,
            double[] after, double t, double p, Significance.Change change) {
        Significance s = Significance.welch(before, after);

        assertThat(s.t()).isCloseTo(t, offset(1e-9));
        assertThat(s.pValue()).isCloseTo(p, offset(p * 1e-6));
        assertThat(s.change()).isEqualTo(change);
        assertThat(s.beforeDays()).isEqualTo(before.length);
    }

    @Test
    void a_p_value_just_under_five_percent_is_significant_and_just_over_is_not() {
        // SciPy: ttest_ind([1,2,3,4], [3,4,5,6], equal_var=False) -> t = -2.19089, p = 0.0709877 (not significant);
        // ttest_ind([1,2,3,4,5], [3.5,4.5,5.5,6.5,7.5], equal_var=False) -> t = -2.5, p = 0.0369420 (significant)
        Significance over = Significance.welch(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6});
        Significance under = Significance.welch(new double[] {1, 2, 3, 4, 5}, new double[] {3.5, 4.5, 5.5, 6.5, 7.5});

        assertThat(over.pValue()).isCloseTo(0.07098765432098758, offset(1e-9));
        assertThat(over.change()).isEqualTo(Significance.Change.NO_SIGNIFICANT_CHANGE);
        assertThat(under.pValue()).isCloseTo(0.03694203771362412, offset(1e-9));
        assertThat(under.change()).isEqualTo(Significance.Change.WORSE);
    }

    @Test
    void two_windows_without_spread_are_no_change_when_equal_and_a_certain_change_when_not() {
        assertThat(Significance.welch(new double[] {0.01, 0.01}, new double[] {0.01, 0.01}).change())
                .isEqualTo(Significance.Change.NO_SIGNIFICANT_CHANGE);
        Significance fell = Significance.welch(new double[] {0.02, 0.02, 0.02}, new double[] {0.0, 0.0, 0.0});
        assertThat(fell.change()).isEqualTo(Significance.Change.IMPROVED);
        assertThat(fell.pValue()).isZero();
    }

    @Test
    void fewer_than_two_days_on_a_side_cannot_be_tested() {
        assertThatThrownBy(() -> Significance.welch(new double[] {1}, new double[] {1, 2}))
                .hasMessage("daily values: at least 2 each side, were 1 before and 2 after");
    }
}
