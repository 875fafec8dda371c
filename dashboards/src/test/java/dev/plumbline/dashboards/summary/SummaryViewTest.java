package dev.plumbline.dashboards.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Summary card's change line, from PlatformSummary.Changes (differences of shares, counts and amounts). */
class SummaryViewTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "a better period points up                    | 0.00012    | ▲ +0.012 pp vs 2026-09",
            "a worse period points down                   | -0.0015    | ▼ -0.150 pp vs 2026-09",
            "a change that rounds to nothing is the same  | -0.0000001 | same as 2026-09",
            "no previous period says so                   | null       | no previous period to compare",
    })
    void a_share_changes_in_percentage_points_with_an_arrow(String sentence, Double change, String text) {
        assertThat(CardChange.points(change, 3, "2026-09")).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "one more service meets its objectives        | 1    | ▲ 1 more than 2026-09",
            "two fewer                                    | -2   | ▼ 2 fewer than 2026-09",
            "as many                                      | 0    | same as 2026-09",
            "no previous period                           | null | no previous period to compare",
    })
    void a_count_changes_by_more_or_fewer(String sentence, Long change, String text) {
        assertThat(CardChange.count(change, "2026-09")).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "more at risk                                 | 12000.4  | ▲ +$12,000 vs 2026-09",
            "less at risk                                 | -950     | ▼ -$950 vs 2026-09",
            "less than a unit is the same                 | 0.3      | same as 2026-09",
            "no previous period                           | null     | no previous period to compare",
    })
    void an_amount_changes_in_the_reporting_currency(String sentence, Double change, String text) {
        assertThat(CardChange.money(change, "USD", "2026-09")).isEqualTo(text);
    }
}
