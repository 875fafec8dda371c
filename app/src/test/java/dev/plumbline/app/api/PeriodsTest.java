package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.psr.Period;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void without_parameters_it_is_the_month_to_date_and_in_a_months_first_hour_the_month_before() {
        assertThat(Periods.parse(null, null, null, at("2026-11-23T10:15:00Z")))
                .isEqualTo(new Period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T10:00:00Z"),
                        Period.Kind.MONTH_TO_DATE));
        assertThat(Periods.parse(null, "", " ", at("2026-11-01T00:40:00Z"))).isEqualTo(Period.month(YearMonth.of(2026, 10)));
    }

    @Test
    void a_range_is_whole_days_inclusive_cut_at_the_current_hour() {
        assertThat(Periods.parse(null, "2026-10-04", "2026-10-08", at("2026-11-23T10:15:00Z")))
                .isEqualTo(Period.days(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 8)));
        assertThat(Periods.parse(null, "2026-11-20", "2026-11-30", at("2026-11-23T10:15:00Z")).to())
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThatThrownBy(() -> Periods.parse(null, "2026-11-24", "2026-11-30", at("2026-11-23T10:15:00Z")))
                .hasMessage("from: 2026-11-24 has no complete hour yet");
    }

    @Test
    void a_range_of_instants_is_to_the_minute_end_exclusive_cut_at_the_current_minute() {
        Period morning = Periods.parse(null, "2026-10-01T09:15:00Z", "2026-10-01T10:45:00Z", at("2026-11-23T10:15:30Z"));

        assertThat(morning).isEqualTo(new Period(Instant.parse("2026-10-01T09:15:00Z"), Instant.parse("2026-10-01T10:45:00Z")));
        assertThat(Periods.PeriodInfo.of(morning).label()).isEqualTo("2026-10-01 09:15 to 2026-10-01 10:45 UTC");
        assertThat(Periods.parse(null, "2026-11-23T09:00:00Z", "2026-11-23T12:00:00Z", at("2026-11-23T10:15:30Z")).to())
                .isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
    }

    @Test
    void an_instant_range_is_refused_off_the_minute_backwards_or_mixed_with_a_date_naming_the_parameter() {
        Clock now = at("2026-11-23T10:15:30Z");
        assertThatThrownBy(() -> Periods.parse(null, "2026-10-01T09:15:30Z", "2026-10-01T10:00:00Z", now))
                .hasMessage("from: must be a whole minute (UTC), was 2026-10-01T09:15:30Z");
        assertThatThrownBy(() -> Periods.parse(null, "2026-10-01T10:00:00Z", "2026-10-01T09:00:00Z", now))
                .hasMessage("to: 2026-10-01T09:00:00Z is not after from 2026-10-01T10:00:00Z");
        assertThatThrownBy(() -> Periods.parse(null, "2026-10-01T10:00:00Z", "2026-10-02", now))
                .hasMessageStartingWith("to: must be an instant like 2026-10-01T00:00:00Z, was '2026-10-02'");
        assertThatThrownBy(() -> Periods.parse(null, "2026-11-23T10:15:00Z", "2026-11-23T11:00:00Z", now))
                .hasMessage("from: 2026-11-23T10:15:00Z has no complete minute yet");
    }

    @Test
    void labels_say_what_the_period_is() {
        assertThat(Periods.PeriodInfo.of(Period.month(YearMonth.of(2026, 10))).label()).isEqualTo("2026-10");
        assertThat(Periods.PeriodInfo.of(Period.days(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 8))).label())
                .isEqualTo("2026-10-04 to 2026-10-08");
        assertThat(Periods.PeriodInfo.of(Periods.parse("2026-11", null, null, at("2026-11-23T10:15:00Z"))).label())
                .isEqualTo("2026-11-01 00:00 to 2026-11-23 10:00 UTC");
    }
}
