package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.sql.alerts.BurnRule.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnChartTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final double TARGET = 0.99;   // 1% allowed: 100 requests a minute, 1 bad is a burn of 1

    private static MinuteCounts counts(double[] bad) {
        double[] total = new double[bad.length];
        Arrays.fill(total, 100);
        return new MinuteCounts(START, total, bad);
    }

    private static AlertPolicy policy(String name, Duration longWindow, Duration shortWindow, double factor) {
        return new AlertPolicy(name, "", List.of(new BurnRule("page", Severity.PAGE, longWindow, shortWindow, factor,
                null, null, 0)));
    }

    @Test
    void a_windows_burn_at_an_evaluation_is_the_bad_share_of_the_minutes_before_it_over_the_budget() {
        double[] bad = new double[20];
        bad[10] = 5;   // minute 10: 5 bad of 100, a burn of 5
        MinuteCounts c = counts(bad);

        assertThat(BurnChart.burn(c, TARGET, 11, 1)).isCloseTo(5, offset(1e-12));
        assertThat(BurnChart.burn(c, TARGET, 10, 1)).isZero();
        assertThat(BurnChart.burn(c, TARGET, 15, 5)).isCloseTo(1, offset(1e-12));
    }

    @Test
    void a_window_without_requests_has_no_burn() {
        MinuteCounts none = new MinuteCounts(START, new double[10], new double[10]);

        assertThat(BurnChart.burn(none, TARGET, 5, 3)).isNull();
    }

    @Test
    void downsampling_keeps_the_largest_burn_of_each_step_and_at_most_the_points_asked_for() {
        double[] bad = new double[1000];
        bad[500] = 50;   // one bad minute: the 1-minute window's burn is 50 at the evaluation after it, 0 elsewhere
        MinuteCounts c = counts(bad);
        Instant from = START.plus(Duration.ofMinutes(100));
        Instant to = START.plus(Duration.ofMinutes(1000));

        BurnChart chart = BurnChart.of(c, TARGET, from, to, List.of(policy("a", Duration.ofMinutes(1), null, 10)),
                List.of(), List.of(), 100);

        assertThat(chart.step()).isEqualTo(Duration.ofMinutes(9));   // 900 evaluations in 100 points
        BurnChart.Series series = chart.windows().getFirst();
        assertThat(series.points()).hasSize(100);
        assertThat(series.points().getFirst().time()).isEqualTo(from.plus(Duration.ofMinutes(1)));
        assertThat(series.points().stream().mapToDouble(BurnChart.Point::burn).max().orElseThrow())
                .isCloseTo(50, offset(1e-12));
        // the evaluation at minute 501 is the 401st (index 400): point 400 / 9 = 44
        assertThat(series.points().get(44).burn()).isCloseTo(50, offset(1e-12));
        assertThat(series.points().get(43).burn()).isZero();
    }

    @Test
    void every_distinct_window_is_one_series_shortest_first_and_every_rule_has_its_threshold() {
        MinuteCounts c = counts(new double[200]);
        List<AlertPolicy> candidates = List.of(policy("a", Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
                policy("b", Duration.ofHours(1), null, 10));

        BurnChart chart = BurnChart.of(c, TARGET, START.plus(Duration.ofMinutes(60)), START.plus(Duration.ofMinutes(200)),
                candidates, List.of(), List.of(), 2000);

        assertThat(chart.windows()).extracting(BurnChart.Series::window)
                .containsExactly(Duration.ofMinutes(5), Duration.ofHours(1));
        assertThat(chart.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(chart.thresholds()).extracting(BurnChart.Threshold::policy, BurnChart.Threshold::factor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 14.4), org.assertj.core.groups.Tuple.tuple("b", 10.0));
    }
}
