package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SRE workbook's table for a 30-day 99.9% objective (chapter "Alerting on SLOs"). */
class BudgetsTest {

    private static final Duration WINDOW = Duration.ofDays(30);

    @ParameterizedTest(name = "burning {0}x for {1}h consumes {2}% of the budget")
    @CsvSource({"14.4, 1, 2", "6, 6, 5", "1, 72, 10"})
    void the_workbook_burn_rates_consume_the_workbook_shares(double burn, long hours, double percent) {
        assertThat(Budgets.consumed(burn, Duration.ofHours(hours), WINDOW) * 100).isCloseTo(percent, offset(1e-9));
    }

    @Test
    void a_burn_rate_of_14_4_means_1_44_percent_errors_against_99_9() {
        assertThat(Budgets.burnRate(0.0144, 0.999)).isCloseTo(14.4, offset(1e-9));
    }

    @Test
    void burning_at_1_for_the_whole_window_consumes_the_whole_budget() {
        assertThat(Budgets.consumed(1, WINDOW, WINDOW)).isEqualTo(1.0);
    }
}
