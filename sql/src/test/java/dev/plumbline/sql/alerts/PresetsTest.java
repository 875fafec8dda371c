package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void the_sre_workbook_factors_for_a_30_day_window_are_its_table() {
        AlertPolicy sre = Presets.sreWorkbook(ObjectiveWindow.rolling(30));

        assertThat(sre.rules()).extracting(BurnRule::factor).containsExactly(14.4, 6.0, 1.0);
        assertThat(sre.rules()).extracting(BurnRule::longWindow)
                .containsExactly(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(3));
        assertThat(sre.rules()).extracting(BurnRule::shortWindow)
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(6));
        assertThat(sre.lookback()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void other_windows_scale_as_budget_share_times_period_over_long_window() {
        AlertPolicy week = Presets.sreWorkbook(ObjectiveWindow.rolling(7));

        assertThat(week.rules().getFirst().factor()).isCloseTo(0.02 * 7 * 24, offset(1e-12));
        assertThat(Presets.sreWorkbook(ObjectiveWindow.CALENDAR_MONTH).rules().getFirst().factor())
                .as("a calendar month counts as 30 days").isCloseTo(14.4, offset(1e-12));
    }

    @Test
    void pyrras_defaults_are_its_four_for_28_days() {
        AlertPolicy pyrra = Presets.pyrra(ObjectiveWindow.rolling(28));

        assertThat(pyrra.rules()).extracting(BurnRule::factor).containsExactly(14.0, 7.0, 2.0, 1.0);
        assertThat(pyrra.rules()).extracting(BurnRule::forDuration).containsExactly(Duration.ofMinutes(2),
                Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3));
    }

    @Test
    void the_starting_candidates_are_the_sre_workbook_pyrra_and_one_hour_at_the_fast_factor_for_five_minutes() {
        var candidates = Presets.candidates(ObjectiveWindow.rolling(30));

        assertThat(candidates).extracting(AlertPolicy::name).containsExactly("sre-workbook", "pyrra", "single-window");
        BurnRule single = candidates.get(2).rules().getFirst();
        assertThat(single.longWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(single.shortWindow()).isNull();
        assertThat(single.factor()).isCloseTo(14.4, offset(1e-12));
        assertThat(single.forDuration()).isEqualTo(Duration.ofMinutes(5));
    }
}
