package dev.plumbline.dashboards.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The availability card's change line, from PlatformSummary.availabilityChange (a difference of shares). */
class SummaryViewTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "a better period points up                    | 0.00012    | ▲ +0.012 pp vs previous",
            "a worse period points down                   | -0.0015    | ▼ -0.150 pp vs previous",
            "a change that rounds to nothing is equal     | -0.0000001 | = 0.000 pp vs previous",
            "no previous period says so                   | null       | no previous period to compare",
    })
    void the_change_reads_in_percentage_points_with_an_arrow(String sentence, Double change, String text) {
        assertThat(SummaryView.change(change)).isEqualTo(text);
    }
}
