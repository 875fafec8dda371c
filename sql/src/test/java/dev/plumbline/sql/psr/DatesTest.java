package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "0001-01-01  | asOf: 0001-01-01 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "-9999-01-01 | asOf: -9999-01-01 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "1999-12-31  | asOf: 1999-12-31 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "2100-01-01  | asOf: 2100-01-01 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "2026-02-30  | asOf: must be a date like 2026-10-31, was '2026-02-30'",
        "yesterday   | asOf: must be a date like 2026-10-31, was 'yesterday'"})
    void a_date_outside_the_range_or_not_a_date_is_refused_naming_the_parameter(String text, String message) {
        assertThatThrownBy(() -> Dates.date("asOf", text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource({"2000-01-01", "2026-10-31", "2099-12-31"})
    void a_date_within_the_range_is_accepted_as_it_is(String text) {
        assertThat(Dates.date("asOf", text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest(name = "month {0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "0000-01  | month: 0000-01 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "-2026-01 | month: -2026-01 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "2100-01  | month: 2100-01 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "2026-13  | month: must be a month like 2026-10, was '2026-13'"})
    void a_month_outside_the_range_or_not_a_month_is_refused(String text, String message) {
        assertThatThrownBy(() -> Dates.month("month", text)).hasMessage(message);
    }

    @ParameterizedTest(name = "month {0} is accepted")
    @CsvSource({"2000-01", "2099-12"})
    void the_first_and_last_months_are_accepted(String text) {
        assertThat(Dates.month("month", text)).isEqualTo(YearMonth.parse(text));
    }

    @ParameterizedTest(name = "instant {0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "0001-01-01T00:00:00Z | from: 0001-01-01T00:00:00Z is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "9999-12-31T00:00:00Z | from: 9999-12-31T00:00:00Z is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "2100-01-01T00:00:00Z | from: 2100-01-01T00:00:00Z is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
        "2026-13-01T00:00:00Z | from: must be an instant like 2026-10-01T00:00:00Z, was '2026-13-01T00:00:00Z'",
        "yesterday            | from: must be an instant like 2026-10-01T00:00:00Z, was 'yesterday'"})
    void an_instant_outside_the_range_or_not_an_instant_is_refused(String text, String message) {
        assertThatThrownBy(() -> Dates.instant("from", text)).hasMessage(message);
    }

    @ParameterizedTest(name = "instant {0} is {1}")
    @CsvSource({"2000-01-01T00:00:00Z, 2000-01-01T00:00:00Z", "2099-12-31T23:59:59Z, 2099-12-31T23:59:59Z",
        "2026-10-01T02:00:00+02:00, 2026-10-01T00:00:00Z"})
    void an_instant_within_the_range_is_accepted_and_an_offset_is_converted(String text, String expected) {
        assertThat(Dates.instant("from", text)).isEqualTo(Instant.parse(expected));
    }
}
