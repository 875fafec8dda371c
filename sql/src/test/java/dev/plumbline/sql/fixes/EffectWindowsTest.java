package dev.plumbline.sql.fixes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EffectWindowsTest {

    private static final LocalDate SHIPPED = LocalDate.of(2026, 11, 10);

    @ParameterizedTest(name = "on {0} a fix shipped on 10 November is measured over {1} days each side")
    @CsvSource({
            "2026-11-10, 0, false",   // the ship day itself
            "2026-11-11, 0, false",   // the first day after is still running
            "2026-11-14, 3, false",   // 11, 12, 13 November are whole: 3 days...
            "2026-11-25, 14, true",   // two weeks after: final
            "2027-02-01, 14, true"})  // capped at two weeks
    void the_windows_grow_with_the_whole_days_passed_up_to_two_weeks(LocalDate today, int days, boolean isFinal) {
        EffectWindows w = EffectWindows.of(SHIPPED, today);

        assertThat(w.days()).isEqualTo(days);
        assertThat(!today.isBefore(w.finalOn())).isEqualTo(isFinal);
    }

    @ParameterizedTest(name = "with {0} days each side the windows are [{1}, 2026-11-10) and [2026-11-11, {2})")
    @CsvSource({"3, 2026-11-07, 2026-11-14", "14, 2026-10-27, 2026-11-25"})
    void the_ship_day_belongs_to_neither_window(int days, LocalDate beforeFrom, LocalDate afterTo) {
        EffectWindows w = new EffectWindows(SHIPPED, days);

        assertThat(w.beforeFrom()).isEqualTo(beforeFrom);
        assertThat(w.beforeTo()).isEqualTo(SHIPPED);
        assertThat(w.afterFrom()).isEqualTo(SHIPPED.plusDays(1));
        assertThat(w.afterTo()).isEqualTo(afterTo);
        assertThat(w.measurable()).isEqualTo(days >= 3);
    }
}
