package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void a_month_is_from_its_first_day_to_the_next_months() {
        Period march = Period.month(YearMonth.of(2026, 3));

        assertThat(march.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(march.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(march.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.previous()).isEqualTo(Period.month(YearMonth.of(2026, 2)));
    }

    @Test
    void a_custom_range_is_preceded_by_one_of_the_same_length() {
        Period week = Period.days(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 16));

        assertThat(week.previous()).isEqualTo(Period.days(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 9)));
    }

    @Test
    void a_running_month_ends_at_the_current_hour_and_compares_with_the_same_stretch_of_the_month_before() {
        Period october = Period.monthToDate(YearMonth.of(2026, 10), Instant.parse("2026-10-10T14:35:00Z"));
        Period march = Period.monthToDate(YearMonth.of(2026, 3), Instant.parse("2026-03-31T05:00:00Z"));

        assertThat(october).isEqualTo(new Period(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-10T14:00:00Z")));
        assertThat(october.previous()).isEqualTo(
                new Period(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-10T14:00:00Z")));
        assertThat(march.previous().to()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z")); // February is shorter
        assertThat(Period.monthToDate(YearMonth.of(2026, 9), Instant.parse("2026-10-10T14:35:00Z")))
                .isEqualTo(Period.month(YearMonth.of(2026, 9)));
        assertThatThrownBy(() -> Period.monthToDate(YearMonth.of(2026, 11), Instant.parse("2026-10-10T14:35:00Z")))
                .hasMessage("period: 2026-11 has no complete hour yet");
    }

    @Test
    void a_period_is_on_whole_hours_and_forward() {
        assertThatThrownBy(() -> new Period(Instant.parse("2026-03-01T00:30:00Z"), Instant.parse("2026-03-02T00:00:00Z")))
                .hasMessageStartingWith("period: from and to must be whole hours");
        assertThatThrownBy(() -> new Period(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")))
                .hasMessageStartingWith("period: from 2026-03-02T00:00:00Z must be before to");
    }
}
