package dev.plumbline.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void a_window_is_a_day_to_a_year_or_the_calendar_month() {
        assertThat(ObjectiveWindow.CALENDAR_MONTH).hasToString("calendar month");
        assertThat(ObjectiveWindow.rolling(28)).hasToString("rolling 28 days");
        assertThatThrownBy(() -> ObjectiveWindow.rolling(400))
                .hasMessage("an objective window is 1 to 366 days, or the calendar month; was 400 days");
    }

    @Test
    void a_service_needs_a_positive_effort() {
        assertThatThrownBy(() -> new Service("s", null, null, null, null, 0))
                .hasMessage("service s: effort must be a positive number of engineer-weeks, was 0.0");
    }
}
