package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.catalog.ObjectiveWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenSloDurationTest {

    private static OpenSloDuration duration(String text) {
        return OpenSloDuration.of(new YamlNode(text, "$.d"));
    }

    @ParameterizedTest(name = "a rolling {0} is {1} days")
    @CsvSource({"1d, 1", "28d, 28", "2w, 14", "4w, 28", "52w, 364", "24h, 1", "1440m, 1", "1M, 30", "12M, 360",
            "1Q, 90", "4Q, 360", "1Y, 365", "366d, 366"})
    void every_unit_of_the_spec_makes_a_rolling_window_of_whole_days(String text, int days) {
        assertThat(duration(text).rolling("$.d")).isEqualTo(ObjectiveWindow.rolling(days));
    }

    @ParameterizedTest(name = "a rolling {0} is refused")
    @CsvSource({"36h", "90m", "367d", "53w", "13M", "5Q", "2Y"})
    void a_rolling_window_that_is_not_whole_days_or_longer_than_a_year_is_refused(String text) {
        assertThatThrownBy(() -> duration(text).rolling("$.d"))
                .hasMessage("a rolling window is whole days, 1d to 366d (e.g. 28d, 4w, 1M as 30d), was '" + text + "'");
    }

    @ParameterizedTest(name = "a calendar {0} is the calendar {1}")
    @CsvSource({"1M, MONTH", "3M, QUARTER", "1Q, QUARTER", "12M, YEAR", "4Q, YEAR", "1Y, YEAR"})
    void a_calendar_window_is_the_month_quarter_or_year(String text, ObjectiveWindow.Calendar calendar) {
        assertThat(duration(text).calendar("$.d").calendar()).isEqualTo(calendar);
    }

    @ParameterizedTest(name = "a calendar {0} is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"1m | '1m' (m is minutes; the month is M)",
            "1w | '1w'; days and weeks make a rolling window (isRolling: true)", "2M | '2M'", "2Y | '2Y'"})
    void other_calendar_windows_are_refused_saying_what_would_do(String text, String tail) {
        assertThatThrownBy(() -> duration(text).calendar("$.d")).hasMessage("a calendar window is 1M, 1Q or 1Y (the "
                + "calendar month, quarter or year, UTC), was " + tail);
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @CsvSource({"0d", "1.5d", "d", "1 d", "1D", "1s", "-1d", "01d", "P1D", "9999999999d"})
    void anything_but_a_positive_integer_and_one_unit_is_not_a_duration(String text) {
        assertThatThrownBy(() -> duration(text)).isInstanceOfSatisfying(YamlNode.Invalid.class, e -> {
            assertThat(e.path).isEqualTo("$.d");
            assertThat(e.getMessage()).isEqualTo("'" + text + "' is not a duration: a positive whole number and one of m "
                    + "(minutes), h (hours), d (days), w (weeks), M (months), Q (quarters), Y (years), e.g. 28d");
        });
    }

    @ParameterizedTest(name = "a time slice of {0} is {1} minutes")
    @CsvSource({"1m, 1", "5m, 5", "90m, 90", "1h, 60", "2h, 120", "1d, 1440", "24h, 1440"})
    void a_time_slice_is_read_in_minutes_and_written_in_its_shortest_unit(String text, int minutes) {
        assertThat(OpenSloDuration.sliceMinutes(new YamlNode(text, "$.w"))).isEqualTo(minutes);
        assertThat(OpenSloDuration.sliceMinutes(new YamlNode(OpenSloDuration.ofMinutes(minutes), "$.w"))).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "a time slice of the number {0} is {0} minutes")
    @CsvSource({"1", "5", "60", "1440"})
    void a_time_slice_given_as_a_number_is_minutes_as_the_spec_says(int minutes) {
        assertThat(OpenSloDuration.sliceMinutes(new YamlNode(minutes, "$.w"))).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "a time slice of {0} is refused")
    @CsvSource({"2d", "1w", "1M", "1441m", "25h"})
    void a_time_slice_longer_than_a_day_is_refused(String text) {
        assertThatThrownBy(() -> OpenSloDuration.sliceMinutes(new YamlNode(text, "$.w")))
                .hasMessage("a time slice is 1m to 1d (e.g. 1m, 5m, 1h), was '" + text + "'");
    }

    @ParameterizedTest(name = "a time slice of the number {0} is refused")
    @CsvSource({"0", "-5", "2.5", "1441"})
    void a_time_slice_number_must_be_a_whole_number_of_minutes_up_to_a_day(double minutes) {
        assertThatThrownBy(() -> OpenSloDuration.sliceMinutes(new YamlNode(minutes, "$.w")))
                .isInstanceOf(YamlNode.Invalid.class);
    }
}
