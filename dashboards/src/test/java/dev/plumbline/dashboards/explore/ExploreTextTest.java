package dev.plumbline.dashboards.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.explore.ExploreFigure;
import dev.plumbline.sql.psr.ExploreBy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the Explore page writes each unit's values and changes, and where a group links to. */
class ExploreTextTest {

    @ParameterizedTest(name = "{0} {1}: {2} / {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            requests        | 12345.4   | 12,345       | 1234.6   | +1,235
            requests        | 0         | 0            | -0.4     | 0
            errors          | null      | –            | null     | ''
            availability    | 0.99951   | 99.951%      | -0.0012  | -0.120 pp
            error-rate      | 0.0004    | 0.040%       | 0        | 0.000 pp
            p95             | 0.4124    | 412 ms       | -0.0003  | 0 ms
            p99             | 1.2       | 1200 ms      | 0.035    | +35 ms
            average-rps     | 3.2       | 3.20 req/s   | -0.001   | 0.00 req/s
            average-rps     | 3.2       | 3.20 req/s   | -0.5     | -0.50 req/s
            revenue-at-risk | 12000.4   | $12,000      | 1200     | +$1,200
            revenue-at-risk | 12000.4   | $12,000      | -1200    | -$1,200
            """)
    void values_and_changes_read_in_the_figures_unit(String figureId, Double value, String text, Double change,
                                                      String changeText) {
        ExploreFigure f = ExploreFigure.of(figureId).orElseThrow();

        assertThat(ExploreText.value(f, value, "USD")).isEqualTo(text);
        assertThat(ExploreText.change(f, change, "USD")).isEqualTo(changeText);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            service  | search   | 2026-10 | service?name=search
            customer | eu ops   | 2026-10 | customer?id=eu+ops&month=2026-10
            customer | big      | ''      | customer?id=big
            customer | ''       | 2026-10 | null
            segment  | smb      | 2026-10 | null
            """)
    void a_service_and_a_customer_link_to_their_pages(String by, String key, String month, String link) {
        assertThat(ExploreText.link(ExploreBy.of(by).orElseThrow(), key, month)).isEqualTo(link);
    }
}
