package dev.plumbline.dashboards.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import org.junit.jupiter.api.Test;

class ObjectiveTextTest {

    @Test
    void an_availability_objective_reads_as_a_share_available_over_its_window() {
        assertThat(ObjectiveText.describe(new Objective("s", "a", Indicator.AVAILABILITY, 0.999, null,
                ObjectiveWindow.rolling(30)))).isEqualTo("99.9% available · rolling 30 days");
    }

    @Test
    void a_latency_objective_reads_as_a_share_within_its_threshold() {
        assertThat(ObjectiveText.describe(new Objective("s", "l", Indicator.LATENCY, 0.95, 800.0,
                ObjectiveWindow.CALENDAR_MONTH))).isEqualTo("95% within 800 ms · calendar month");
    }

    @Test
    void a_time_slice_objective_reads_with_its_slices() {
        assertThat(ObjectiveText.describe(new Objective("s", "a", Indicator.AVAILABILITY, 0.99, null,
                ObjectiveWindow.rolling(7), dev.plumbline.sql.catalog.Budgeting.timeslices(5, 0.95))))
                .isEqualTo("99% available · rolling 7 days · of 5-min slices, each 95% good");
        assertThat(ObjectiveText.describe(new Objective("s", "l", Indicator.LATENCY, 0.95, 300.0,
                ObjectiveWindow.CALENDAR_QUARTER, dev.plumbline.sql.catalog.Budgeting.ratioTimeslices(1))))
                .isEqualTo("95% within 300 ms · calendar quarter · averaged over 1-min slices");
    }

    @Test
    void whole_seconds_read_as_seconds() {
        assertThat(ObjectiveText.milliseconds(2000)).isEqualTo("2 s");
        assertThat(ObjectiveText.milliseconds(1500)).isEqualTo("1500 ms");
        assertThat(ObjectiveText.milliseconds(0.5)).isEqualTo("0.5 ms");
    }
}
