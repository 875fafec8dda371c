package dev.plumbline.dashboards.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.dashboards.chart.TimelineChart;
import dev.plumbline.sql.alerts.BadEpisodes;
import dev.plumbline.sql.alerts.BurnChart;
import dev.plumbline.sql.alerts.RuleManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertChartTest {

    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-01T00:03:00Z");
    private static final Instant T1 = FROM.plusSeconds(60);
    private static final Instant T2 = FROM.plusSeconds(120);

    @Test
    void each_window_is_a_line_rules_of_one_factor_share_a_threshold_and_each_rule_has_a_lane_of_its_firings() {
        BurnChart burn = new BurnChart(Duration.ofMinutes(1),
                List.of(new BurnChart.Series(Duration.ofMinutes(5), List.of(new BurnChart.Point(T1, 2.0),
                                new BurnChart.Point(T2, null))),
                        new BurnChart.Series(Duration.ofHours(1), List.of(new BurnChart.Point(T1, 0.5),
                                new BurnChart.Point(T2, 0.25)))),
                List.of(new BurnChart.Threshold("sre", "page-1h", "page", Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
                        new BurnChart.Threshold("twitchy", "page", "page", Duration.ofMinutes(5), null, 1),
                        new BurnChart.Threshold("single", "page", "page", Duration.ofHours(1), null, 14.4)),
                List.of(new BurnChart.Band("sre", "page-1h", "page", List.of()),
                        new BurnChart.Band("twitchy", "page", "page", List.of(new RuleManager.Firing(T1, T2),
                                new RuleManager.Firing(T2, null)))),
                List.of(new BadEpisodes.Incident(T1, null, "deploy")));

        TimelineChart c = AlertChart.of(burn, FROM, TO);

        assertThat(c.times()).containsExactly(T1, T2);
        assertThat(c.lines()).extracting(TimelineChart.Line::name).containsExactly("5m", "1h");
        assertThat(c.lines().getFirst().values()).isEqualTo(Arrays.asList(2.0, null));
        assertThat(c.thresholds()).containsExactly(new TimelineChart.Threshold("14.4x: sre page-1h, single page", 14.4),
                new TimelineChart.Threshold("1x: twitchy page", 1));
        assertThat(c.marks()).containsExactly(new TimelineChart.Mark("incident: deploy", T1, null));
        assertThat(c.lanes()).extracting(TimelineChart.Lane::name).containsExactly("sre · page-1h", "twitchy · page");
        assertThat(c.lanes().getLast().intervals()).containsExactly(new TimelineChart.Interval(T1, T2),
                new TimelineChart.Interval(T2, null));
        assertThat(c.isEmpty()).isFalse();
    }

    @Test
    void a_range_without_any_request_has_nothing_to_draw() {
        BurnChart burn = new BurnChart(Duration.ofMinutes(1), List.of(new BurnChart.Series(Duration.ofMinutes(5),
                List.of(new BurnChart.Point(T1, null), new BurnChart.Point(T2, null)))), List.of(), List.of(), List.of());
        assertThat(AlertChart.of(burn, FROM, TO).isEmpty()).isTrue();
    }
}
