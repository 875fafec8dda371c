package dev.plumbline.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm lint} on the chart. Lint renders the templates with the chart's own values.yaml, in
 * which clickhouse.url is empty on purpose; Helm's lint mode reports a missing {@code required}
 * value as INFO instead of failing, so lint still checks every template.
 */
@DisplayName("helm lint")
class ChartLintTest {

    @Test
    @DisplayName("passes")
    void lintPasses() {
        LintResult result = Chart.helm().lint().call();

        assertThat(result.isFailed()).as("lint failed with: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]"));
    }

    @Test
    @DisplayName("passes with --strict, which fails on warnings too")
    void strictLintPasses() {
        LintResult result = Chart.helm().lint().strict().call();

        assertThat(result.isFailed()).as("strict lint failed with: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }
}
