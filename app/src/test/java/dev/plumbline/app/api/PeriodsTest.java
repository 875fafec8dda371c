package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
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

    /** The API's reading at {@code instant}, with the default 7 young days. */
    private static PeriodReader reader(String instant) {
        return new PeriodReader(at(instant), 7);
    }

    @Test
    void without_parameters_it_is_the_month_to_date_and_in_a_months_first_hour_the_month_before() {
        assertThat(reader("2026-11-23T10:15:00Z").parse(null, null, null))
                .isEqualTo(new Period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T10:00:00Z"),
                        Period.Kind.MONTH_TO_DATE));
        assertThat(reader("2026-11-01T00:40:00Z").parse(null, "", " ")).isEqualTo(Period.month(YearMonth.of(2026, 10)));
    }

    /** The default month: the last complete one while the current month is young (its first N days), else to date. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} with {1} young days: {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "2026-12-01T08:00:00Z, 7, 2026-11",
        "2026-12-07T23:59:59Z, 7, 2026-11",
        "2026-12-08T00:00:00Z, 7, 2026-12",
        "2026-12-01T00:40:00Z, 0, 2026-11",
        "2026-12-01T01:00:00Z, 0, 2026-12",
        "2027-01-03T12:00:00Z, 7, 2026-12",
        "2027-02-27T12:00:00Z, 27, 2027-01",
        "2027-02-28T00:00:00Z, 27, 2027-02",
        "2028-02-29T23:30:00Z, 7, 2028-02"})
    void without_parameters_a_young_month_shows_the_last_complete_one(String now, int days, String month) {
        Period p = new PeriodReader(at(now), days).parse(null, null, null);

        YearMonth shown = YearMonth.parse(month);
        assertThat(PeriodParameters.defaultMonth(Instant.parse(now), days)).isEqualTo(shown);
        assertThat(p.from()).isEqualTo(shown.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(p.kind()).isEqualTo(shown.equals(YearMonth.from(Instant.parse(now).atOffset(ZoneOffset.UTC)))
                ? Period.Kind.MONTH_TO_DATE : Period.Kind.MONTH);
    }

    @Test
    void a_young_month_setting_out_of_range_is_refused() {
        assertThatThrownBy(() -> new PeriodReader(at("2026-12-01T08:00:00Z"), 28))
                .hasMessage("youngMonthDays: must be from 0 to 27, was 28");
    }

    @Test
    void a_range_is_whole_days_inclusive_cut_at_the_current_hour() {
        assertThat(reader("2026-11-23T10:15:00Z").parse(null, "2026-10-04", "2026-10-08"))
                .isEqualTo(Period.days(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 8)));
        assertThat(reader("2026-11-23T10:15:00Z").parse(null, "2026-11-20", "2026-11-30").to())
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThatThrownBy(() -> reader("2026-11-23T10:15:00Z").parse(null, "2026-11-24", "2026-11-30"))
                .hasMessage("from: 2026-11-24 has no complete hour yet");
    }

    @Test
    void a_range_of_instants_is_to_the_minute_end_exclusive_cut_at_the_current_minute() {
        Period morning = reader("2026-11-23T10:15:30Z").parse(null, "2026-10-01T09:15:00Z", "2026-10-01T10:45:00Z");

        assertThat(morning).isEqualTo(new Period(Instant.parse("2026-10-01T09:15:00Z"), Instant.parse("2026-10-01T10:45:00Z")));
        assertThat(Periods.PeriodInfo.of(morning).label()).isEqualTo("2026-10-01 09:15 to 2026-10-01 10:45 UTC");
        assertThat(reader("2026-11-23T10:15:30Z").parse(null, "2026-11-23T09:00:00Z", "2026-11-23T12:00:00Z").to())
                .isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
    }

    @Test
    void an_instant_range_is_refused_off_the_minute_backwards_or_mixed_with_a_date_naming_the_parameter() {
        Clock now = at("2026-11-23T10:15:30Z");
        assertThatThrownBy(() -> new PeriodReader(now, 7).parse(null, "2026-10-01T09:15:30Z", "2026-10-01T10:00:00Z"))
                .hasMessage("from: must be a whole minute (UTC), was 2026-10-01T09:15:30Z");
        assertThatThrownBy(() -> new PeriodReader(now, 7).parse(null, "2026-10-01T10:00:00Z", "2026-10-01T09:00:00Z"))
                .hasMessage("to: 2026-10-01T09:00:00Z is not after from 2026-10-01T10:00:00Z");
        assertThatThrownBy(() -> new PeriodReader(now, 7).parse(null, "2026-10-01T10:00:00Z", "2026-10-02"))
                .hasMessageStartingWith("to: must be an instant like 2026-10-01T00:00:00Z, was '2026-10-02'");
        assertThatThrownBy(() -> new PeriodReader(now, 7).parse(null, "2026-11-23T10:15:00Z", "2026-11-23T11:00:00Z"))
                .hasMessage("from: 2026-11-23T10:15:00Z has no complete minute yet");
    }

    @Test
    void labels_say_what_the_period_is() {
        assertThat(Periods.PeriodInfo.of(Period.month(YearMonth.of(2026, 10))).label()).isEqualTo("2026-10");
        assertThat(Periods.PeriodInfo.of(Period.days(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 8))).label())
                .isEqualTo("2026-10-04 to 2026-10-08");
        assertThat(Periods.PeriodInfo.of(reader("2026-11-23T10:15:00Z").parse("2026-11", null, null)).label())
                .isEqualTo("2026-11-01 00:00 to 2026-11-23 10:00 UTC");
    }
}
