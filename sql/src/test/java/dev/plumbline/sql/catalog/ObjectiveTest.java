package dev.plumbline.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    @Test
    void the_error_budget_is_what_the_target_leaves() {
        assertThat(new Objective("s", "a", Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(30))
                .errorBudget()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void a_target_of_one_leaves_no_budget_and_is_refused() {
        assertThatThrownBy(() -> new Objective("s", "a", Indicator.AVAILABILITY, 1.0, null, ObjectiveWindow.rolling(30)))
                .hasMessage("objective s/a: target must be between 0 and 1 (e.g. 0.999), was 1.0");
    }

    @Test
    void a_latency_objective_needs_a_threshold() {
        assertThatThrownBy(() -> new Objective("s", "l", Indicator.LATENCY, 0.99, null, ObjectiveWindow.rolling(28)))
                .hasMessage("objective s/l: a latency objective needs a positive threshold in ms");
    }

    @Test
    void an_availability_objective_has_no_threshold() {
        assertThatThrownBy(() -> new Objective("s", "a", Indicator.AVAILABILITY, 0.99, 100.0, ObjectiveWindow.rolling(28)))
                .hasMessage("objective s/a: an availability objective has no latency threshold");
    }

    @Test
    void a_window_is_a_day_to_a_year_or_a_calendar_month_quarter_or_year() {
        assertThat(ObjectiveWindow.CALENDAR_MONTH).hasToString("calendar month");
        assertThat(ObjectiveWindow.CALENDAR_QUARTER).hasToString("calendar quarter");
        assertThat(ObjectiveWindow.rolling(28)).hasToString("rolling 28 days");
        assertThatThrownBy(() -> ObjectiveWindow.rolling(400))
                .hasMessage("an objective window is 1 to 366 days, or a calendar month, quarter or year; was 400 days");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "a {0} window at {1} is {2} days long")
    @org.junit.jupiter.params.provider.CsvSource({"MONTH, 2026-02-10T05:00:00Z, 28", "MONTH, 2028-02-01T00:00:00Z, 29",
            "QUARTER, 2026-11-30T23:00:00Z, 92", "QUARTER, 2026-02-01T00:00:00Z, 90", "YEAR, 2028-07-01T00:00:00Z, 366",
            "NONE, 2026-01-01T00:00:00Z, 30"})
    void a_calendar_window_is_as_long_as_the_month_quarter_or_year_it_is_in(ObjectiveWindow.Calendar calendar,
                                                                           Instant at, long days) {
        ObjectiveWindow window = calendar == ObjectiveWindow.Calendar.NONE ? ObjectiveWindow.rolling(30)
                : new ObjectiveWindow(0, calendar);
        assertThat(window.lengthAt(at)).isEqualTo(java.time.Duration.ofDays(days));
    }

    @Test
    void a_time_slice_budget_needs_its_slice_and_for_timeslices_its_slice_target() {
        assertThat(Budgeting.timeslices(5, 0.95)).hasToString("time slices of 5 min, each good at 0.95");
        assertThatThrownBy(() -> Budgeting.timeslices(0, 0.95))
                .hasMessage("a time slice is 1 minute to 1 day, was 0 minutes");
        assertThatThrownBy(() -> Budgeting.timeslices(5, 1.5))
                .hasMessage("Timeslices needs a slice target in (0, 1], was 1.5");
        assertThatThrownBy(() -> new Budgeting(Budgeting.Method.RATIO_TIMESLICES, 5, 0.9))
                .hasMessage("RatioTimeslices has no slice target");
        assertThatThrownBy(() -> new Budgeting(Budgeting.Method.OCCURRENCES, 5, null))
                .hasMessage("Occurrences has no time slice");
    }

    @Test
    void a_service_needs_a_positive_effort() {
        assertThatThrownBy(() -> new Service("s", null, null, null, null, 0))
                .hasMessage("service s: effort must be a positive number of engineer-weeks, was 0.0");
    }

    @Test
    void a_runbook_is_an_absolute_web_address_or_nothing() {
        assertThat(new Service("s", null, null, null, null, 1, null).runbookUrl()).isEmpty();
        assertThat(new Service("s", null, null, null, null, 1, " https://wiki/x ").runbookUrl()).isEqualTo("https://wiki/x");
        for (String bad : java.util.List.of("wiki/x", "javascript:alert(1)", "https://wiki/a b", "file:///etc/passwd")) {
            assertThatThrownBy(() -> new Service("s", null, null, null, null, 1, bad)).as(bad)
                    .hasMessageStartingWith("service s: the runbook URL must be an absolute http or https URL");
        }
    }
}
