package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a share is written as a percent; the expected texts are written out by hand. */
class PercentTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "an absent share reads as a dash                    | null       | 3 | –",
            "zero keeps its decimals                            | 0          | 3 | 0.000%",
            "a share is multiplied by 100 and rounded half up   | 0.123455   | 3 | 12.346%",
            "a tiny share rounds to zero, never to minus zero   | -0.0000001 | 3 | 0.000%",
            "a tiny positive share rounds to zero               | 0.00000049 | 3 | 0.000%",
            "availability close to one is not rounded to 100    | 0.99995    | 3 | 99.995%",
            "a whole share is 100 percent                       | 1          | 1 | 100.0%",
            "a huge share is written in full without grouping   | 12345.678  | 0 | 1234568%",
            "a negative share keeps its sign                    | -0.25      | 1 | -25.0%",
            "no decimals rounds to whole percents               | 0.385      | 0 | 39%",
    })
    void a_share_with_fixed_decimals(String sentence, Double share, int decimals, String text) {
        assertThat(PercentText.of(share, decimals)).isEqualTo(text);
    }

    @Test
    void not_a_number_and_infinity_are_absent() {
        assertThat(PercentText.of(Double.NaN, 2)).isEqualTo("–");
        assertThat(PercentText.of(Double.POSITIVE_INFINITY, 2)).isEqualTo("–");
        assertThat(PercentText.readable(Double.NEGATIVE_INFINITY)).isEqualTo("–");
        assertThat(PercentText.change(Double.NaN, 0)).isEqualTo("–");
    }

    @Test
    void negative_decimals_are_a_programming_error_naming_them() {
        assertThatThrownBy(() -> PercentText.of(0.5, -1)).hasMessage("decimals must be 0 or more, was -1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "a large share has no decimals                      | 0.38       | 38%",
            "a share of a few percent has one                   | 0.0123     | 1.2%",
            "a share under one percent has two                  | 0.0005     | 0.05%",
            "a share under a tenth of a percent has three       | 0.00001234 | 0.001%",
            "trailing zeros are dropped                         | 0.0102     | 1%",
            "zero is plain zero                                 | 0          | 0%",
            "a share too small for three decimals reads zero    | 0.000001   | 0%",
            "a negative share is sized by its magnitude         | -0.0123    | -1.2%",
            "a huge share is whole                              | 25         | 2500%",
            "an absent share reads as a dash                    | null       | –",
    })
    void a_share_in_a_sentence(String sentence, Double share, String text) {
        assertThat(PercentText.readable(share)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "three nines read as written                        | 0.999      | 99.9%",
            "a whole target has no decimals                     | 0.95       | 95%",
            "four decimals of a percent are kept                | 0.99995    | 99.995%",
            "more than four are rounded                         | 0.9999999  | 100%",
            "zero is plain zero                                 | 0          | 0%",
            "an absent target reads as a dash                   | null       | –",
    })
    void a_target_as_written(String sentence, Double share, String text) {
        assertThat(PercentText.exact(share)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "more is signed plus                                | 0.25       | 0 | +25%",
            "less is signed minus                               | -0.031     | 0 | -3%",
            "no change is unsigned                              | 0          | 0 | 0%",
            "a change that rounds to nothing is unsigned        | -0.001     | 0 | 0%",
            "a tenfold rise is huge and signed                  | 9          | 0 | +900%",
            "an absent change reads as a dash                   | null       | 0 | –",
    })
    void a_relative_change(String sentence, Double change, int decimals, String text) {
        assertThat(PercentText.change(change, decimals)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "a rise of a share is in signed percentage points   | 0.0012     | 3 | +0.120 pp",
            "a fall is signed minus                             | -0.00001   | 3 | -0.001 pp",
            "no change keeps its decimals and no sign           | 0          | 3 | 0.000 pp",
            "a tiny fall rounds to an unsigned zero             | -0.0000001 | 3 | 0.000 pp",
            "an absent change reads as a dash                   | null       | 3 | –",
    })
    void a_change_in_percentage_points(String sentence, Double change, int decimals, String text) {
        assertThat(PercentText.points(change, decimals)).isEqualTo(text);
    }
}
