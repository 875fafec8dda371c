package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way an amount is written; the expected texts are written out by hand. */
class MoneyTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "dollars are whole with grouping                    | 1234567.89 | USD | $1,234,568",
            "half a unit rounds up                              | 2.5        | USD | $3",
            "zero is zero dollars                               | 0          | USD | $0",
            "a tiny amount rounds to zero without a sign        | -0.4       | USD | $0",
            "a negative amount has its minus before the symbol  | -1234.5    | EUR | -€1,235",
            "euros carry their symbol                           | 85000.00   | EUR | €85,000",
            "pounds carry theirs                                | 12.40      | GBP | £12",
            "yen carry theirs                                   | 1500       | JPY | ¥1,500",
            "a symbol of letters is followed by a space         | 950        | CHF | CHF 950",
            "Canadian dollars say so                            | 10         | CAD | CA$10",
            "a huge amount is written in full                   | 12345678901234.49 | USD | $12,345,678,901,234",
            "a code Java does not know stands for itself        | 7          | XYZ1 | XYZ1 7",
            "an absent amount reads as a dash                   | null       | USD | –",
    })
    void in_full(String sentence, BigDecimal amount, String currency, String text) {
        assertThat(MoneyText.of(amount, currency)).isEqualTo(text);
    }

    @Test
    void a_floating_point_figure_is_written_the_same_way_and_not_a_number_is_absent() {
        assertThat(MoneyText.of(1234.5, "USD")).isEqualTo("$1,235");
        assertThat(MoneyText.of(0.1 + 0.2, "USD")).isEqualTo("$0");
        assertThat(MoneyText.of(Double.NaN, "USD")).isEqualTo("–");
        assertThat(MoneyText.of(Double.NEGATIVE_INFINITY, "USD")).isEqualTo("–");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "millions have one decimal                          | 1200000    | USD | $1.2M",
            "thousands too                                      | 85400      | EUR | €85.4k",
            "under a thousand is whole                          | 950        | GBP | £950",
            "a trailing zero is dropped                         | 2000000    | USD | $2M",
            "from a hundred of a unit there is no decimal       | 123456     | USD | $123k",
            "what rounds to a thousand of a unit is the next unit | 999950   | USD | $1M",
            "a whole amount that rounds to a thousand is 1k     | 999.6      | USD | $1k",
            "billions are B                                     | 2500000000 | USD | $2.5B",
            "beyond billions stays in B                         | 3000000000000 | USD | $3000B",
            "zero is zero                                       | 0          | USD | $0",
            "a negative amount is signed                        | -85400     | USD | -$85.4k",
            "a symbol of letters is followed by a space         | 1200000    | CHF | CHF 1.2M",
            "an absent amount reads as a dash                   | null       | USD | –",
    })
    void in_short(String sentence, BigDecimal amount, String currency, String text) {
        assertThat(MoneyText.compact(amount, currency)).isEqualTo(text);
    }
}
