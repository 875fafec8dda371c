package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.plumbline.sql.catalog.Budgeting;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeSlicesTest {

    private static final Duration WEEK = Duration.ofDays(7);

    private static Objective objective(double target, Budgeting budgeting) {
        return new Objective("web", "uptime", Indicator.AVAILABILITY, target, null, ObjectiveWindow.rolling(7), budgeting);
    }

    private static TimeSliceCounts counts(long judged, long good, double goodShareSum) {
        return new TimeSliceCounts(judged, judged, good, goodShareSum, 0, 0);
    }

    @ParameterizedTest(name = "{0} judged slices of which {1} good against {2}: bad share {3}, burn {4}, met {5}")
    @CsvSource({
        // judged, good, target, bad share, burn rate, met
        "1440, 1440, 0.99, 0,      0,    true",
        "1440, 1426, 0.99, 0.00972222222, 0.972222222, true",
        "1440, 1425, 0.99, 0.0104166667, 1.04166667, false",
        "100,  50,   0.9,  0.5,    5,    false",
        "1,    0,    0.5,  1,      2,    false",
    })
    void a_timeslices_objective_burns_the_share_of_bad_slices_over_the_allowed_share(long judged, long good,
            double target, double badShare, double burn, boolean met) {
        ObjectiveResult r = TimeSlices.judge(objective(target, Budgeting.timeslices(1, 0.95)), counts(judged, good, 0),
                WEEK, "");

        assertThat(r.badShare()).isCloseTo(badShare, offset(1e-9));
        assertThat(r.burnRate()).isCloseTo(burn, offset(1e-6));
        assertThat(r.met()).isEqualTo(met);
        assertThat(r.note()).isEmpty();
    }

    @Test
    void a_whole_week_of_one_minute_slices_with_the_allowed_bad_ones_consumes_the_whole_budget() {
        // 99% of 10,080 one-minute slices: 100.8 bad slices allowed in the week
        assertThat(TimeSlices.consumed(100.8, 0.99, Duration.ofMinutes(1), WEEK)).isCloseTo(1.0, offset(1e-12));
        assertThat(TimeSlices.consumed(10.08, 0.99, Duration.ofMinutes(1), WEEK)).isCloseTo(0.1, offset(1e-12));
        assertThat(TimeSlices.consumed(1, 0.99, Duration.ofHours(1), WEEK)).isCloseTo(1 / 1.68, offset(1e-12));
    }

    @Test
    void one_bad_five_minute_slice_of_a_day_consumes_its_share_of_a_weeks_allowance() {
        ObjectiveResult r = TimeSlices.judge(objective(0.99, Budgeting.timeslices(5, 0.9)), counts(288, 287, 0), WEEK, "");

        // a week holds 2,016 five-minute slices, 20.16 of them allowed to be bad
        assertThat(r.budgetConsumed()).isCloseTo(1 / 20.16, offset(1e-12));
        assertThat(r.slices().judged()).isEqualTo(288);
    }

    @Test
    void ratio_timeslices_burn_one_minus_the_average_good_share_of_the_slices() {
        // three slices with good shares 1, 0.5 and 0.9: average 0.8, each weighing the same whatever its traffic
        ObjectiveResult r = TimeSlices.judge(objective(0.9, Budgeting.ratioTimeslices(1)), counts(3, 0, 2.4), WEEK, "");

        assertThat(r.badShare()).isCloseTo(0.2, offset(1e-12));
        assertThat(r.burnRate()).isCloseTo(2.0, offset(1e-12));
        assertThat(r.budgetConsumed()).isCloseTo(0.6 / (0.1 * 10_080), offset(1e-12));
        assertThat(r.met()).isFalse();
    }

    @Test
    void a_period_without_a_slice_with_requests_has_no_figure_and_says_so() {
        ObjectiveResult r = TimeSlices.judge(objective(0.99, Budgeting.timeslices(1, 0.9)), counts(0, 0, 0), WEEK, "");

        assertThat(r.badShare()).isNull();
        assertThat(r.met()).isNull();
        assertThat(r.note()).isEqualTo("no time slice with requests in the period");
    }

    @Test
    void minutes_no_longer_kept_leave_sub_hour_slices_unjudged_but_not_hourly_ones() {
        TimeSliceCounts expired = new TimeSliceCounts(720, 0, 0, 0, 0, 43_200);

        ObjectiveResult minutes = TimeSlices.judge(objective(0.99, Budgeting.timeslices(5, 0.9)), expired, WEEK, "");
        ObjectiveResult hours = TimeSlices.judge(objective(0.99, Budgeting.timeslices(60, 0.9)),
                new TimeSliceCounts(720, 720, 720, 0, 0, 0), WEEK, "");

        assertThat(minutes.met()).isNull();
        assertThat(minutes.note()).isEqualTo("time slices of 5 min need the per-minute telemetry, which is kept for "
                + "plumbline.schema.raw-ttl-days (35 by default); 43200 minutes with data of this period are only in "
                + "the hourly roll-up");
        assertThat(hours.met()).isTrue();
    }

    @Test
    void slices_whose_latency_cannot_be_known_leave_the_objective_unjudged_with_the_reason() {
        ObjectiveResult r = TimeSlices.judge(objective(0.99, Budgeting.timeslices(1, 0.9)),
                new TimeSliceCounts(60, 40, 40, 0, 20, 0), WEEK, "the source gives percentiles only");

        assertThat(r.met()).isNull();
        assertThat(r.note()).isEqualTo("20 of the period's slices with requests cannot be judged: the source gives "
                + "percentiles only");
    }

    @Test
    void groups_of_customers_are_not_judged_by_time_slices_and_say_so() {
        assertThat(TimeSlices.judge(objective(0.99, Budgeting.timeslices(1, 0.9)), null, WEEK, "").note())
                .startsWith("time slices are judged for services and for slices");
    }

    @ParameterizedTest(name = "a period of {0} h holds {2} slices of {1} min")
    @CsvSource({"1, 1, 60", "24, 5, 288", "6, 7, 52", "6, 60, 6", "5, 1440, 1"})
    void a_period_holds_its_length_over_the_slice_the_last_slice_possibly_shorter(long hours, int minutes, long slices) {
        Instant from = Instant.parse("2026-10-05T00:00:00Z");
        assertThat(TimeSlices.inPeriod(new Period(from, from.plus(Duration.ofHours(hours))), Duration.ofMinutes(minutes)))
                .isEqualTo(slices);
    }
}
