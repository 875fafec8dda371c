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

        assertThat(october).isEqualTo(new Period(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-10T14:00:00Z"),
                Period.Kind.MONTH_TO_DATE));
        assertThat(october.previous()).isEqualTo(new Period(Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-09-10T14:00:00Z"), Period.Kind.MONTH_TO_DATE));
        assertThat(march.previous().to()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z")); // February is shorter
        assertThat(Period.monthToDate(YearMonth.of(2026, 9), Instant.parse("2026-10-10T14:35:00Z")))
                .isEqualTo(Period.month(YearMonth.of(2026, 9)));
        assertThatThrownBy(() -> Period.monthToDate(YearMonth.of(2026, 11), Instant.parse("2026-10-10T14:35:00Z")))
                .hasMessage("period: 2026-11 has no complete hour yet");
    }

    @Test
    void a_range_of_days_that_starts_on_the_first_is_compared_with_the_days_just_before_not_with_last_month() {
        Period firstHalf = Period.days(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15));

        assertThat(firstHalf.previous()).isEqualTo(Period.days(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 30)));
    }

    @Test
    void a_range_of_minutes_is_compared_with_the_minutes_just_before() {
        Period morning = new Period(Instant.parse("2026-10-01T09:15:00Z"), Instant.parse("2026-10-01T10:45:00Z"));

        assertThat(morning.previous()).isEqualTo(new Period(Instant.parse("2026-10-01T07:45:00Z"),
                Instant.parse("2026-10-01T09:15:00Z")));
        assertThat(morning.onWholeHours()).isFalse();
    }

    @Test
    void a_period_is_on_whole_minutes_and_forward() {
        assertThatThrownBy(() -> new Period(Instant.parse("2026-03-01T00:30:30Z"), Instant.parse("2026-03-02T00:00:00Z")))
                .hasMessageStartingWith("period: from and to must be whole minutes");
        assertThatThrownBy(() -> new Period(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")))
                .hasMessageStartingWith("period: from 2026-03-02T00:00:00Z must be before to");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> parts() {
        String none = "";
        return java.util.stream.Stream.of(
                A("a month is a whole month", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z",
                        "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z",
                        "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", false),
                A("days around a whole month are days, hours around them hours", "2026-09-29T18:00:00Z",
                        "2026-11-02T06:00:00Z", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-09-30T00:00:00Z",
                        "2026-11-02T00:00:00Z", "2026-09-29T18:00:00Z", "2026-11-02T06:00:00Z", false),
                A("a month to date is days", "2026-11-01T00:00:00Z", "2026-11-20T12:00:00Z", none, none,
                        "2026-11-01T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-01T00:00:00Z", "2026-11-20T12:00:00Z",
                        false),
                A("hours around midnight are hours, the day between them a day", "2026-10-01T20:00:00Z",
                        "2026-10-03T04:00:00Z", none, none, "2026-10-02T00:00:00Z", "2026-10-03T00:00:00Z",
                        "2026-10-01T20:00:00Z", "2026-10-03T04:00:00Z", false),
                A("hours inside one day are hours only", "2026-10-01T09:00:00Z", "2026-10-01T12:00:00Z", none, none,
                        "2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z", "2026-10-01T12:00:00Z",
                        false),
                A("minutes at either end are edges around the whole hours", "2026-10-01T09:15:00Z",
                        "2026-10-01T12:40:00Z", none, none, "2026-10-01T10:00:00Z", "2026-10-01T10:00:00Z",
                        "2026-10-01T10:00:00Z", "2026-10-01T12:00:00Z", true),
                A("minutes inside one hour are all edge", "2026-10-01T09:15:00Z", "2026-10-01T09:40:00Z", none, none,
                        "2026-10-01T09:15:00Z", "2026-10-01T09:15:00Z", "2026-10-01T09:15:00Z", "2026-10-01T09:15:00Z",
                        true));
    }

    private static org.junit.jupiter.params.provider.Arguments A(Object... values) {
        return org.junit.jupiter.params.provider.Arguments.of(values);
    }

    /** Empty month parts ("") start where the days do: an empty range has equal ends. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("parts")
    void a_period_is_read_as_whole_months_whole_days_whole_hours_and_edge_minutes(String sentence, String from,
                                                                                 String to, String monthFrom,
                                                                                 String monthTo, String dayFrom,
                                                                                 String dayTo, String hourFrom,
                                                                                 String hourTo, boolean edges) {
        Period.Parts parts = new Period(Instant.parse(from), Instant.parse(to)).parts();

        Instant noMonth = Instant.parse(dayFrom);
        assertThat(parts).isEqualTo(new Period.Parts(monthFrom.isEmpty() ? noMonth : Instant.parse(monthFrom),
                monthTo.isEmpty() ? noMonth : Instant.parse(monthTo), Instant.parse(dayFrom), Instant.parse(dayTo),
                Instant.parse(hourFrom), Instant.parse(hourTo), edges));
    }
}
