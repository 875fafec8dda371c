package dev.plumbline.dashboards.alerts;

import dev.plumbline.dashboards.chart.TimelineChart;
import dev.plumbline.sql.alerts.BurnChart;
import dev.plumbline.sql.alerts.PromDuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alerts page's chart from a backtest's {@link BurnChart} (the API's {@code chart}): each window's burn rate at
 * the chart's times, each rule's threshold as a line (rules with the same factor share one, labelled with all of
 * them), the incidents as marks, and each candidate rule's firings as a lane of bands. Lays out only. Pure.
 */
final class AlertChart {

    static final String TITLE = "Burn rate by window";

    private AlertChart() {
    }

    static TimelineChart of(BurnChart c, Instant from, Instant to) {
        List<Instant> times = c.windows().isEmpty() ? List.of()
                : c.windows().getFirst().points().stream().map(BurnChart.Point::time).toList();
        List<TimelineChart.Line> lines = c.windows().stream().map(s -> new TimelineChart.Line(
                PromDuration.format(s.window()), s.points().stream().map(BurnChart.Point::burn).toList())).toList();
        Map<Double, List<String>> byFactor = new LinkedHashMap<>();
        c.thresholds().stream().sorted(Comparator.comparingDouble(BurnChart.Threshold::factor).reversed())
                .forEach(t -> byFactor.computeIfAbsent(t.factor(), f -> new ArrayList<>()).add(t.policy() + " " + t.rule()));
        List<TimelineChart.Threshold> thresholds = byFactor.entrySet().stream().map(e -> new TimelineChart.Threshold(
                ReportText.factor(e.getKey()) + ": " + String.join(", ", e.getValue()), e.getKey())).toList();
        List<TimelineChart.Mark> marks = c.incidents().stream()
                .map(i -> new TimelineChart.Mark("incident: " + i.text(), i.start(), i.end())).toList();
        List<TimelineChart.Lane> lanes = c.bands().stream().map(b -> new TimelineChart.Lane(lane(b.policy(), b.rule()),
                b.firings().stream().map(f -> new TimelineChart.Interval(f.fired(), f.resolved())).toList())).toList();
        return new TimelineChart(TITLE, "x budget", from, to, times, lines, thresholds, marks, lanes);
    }

    /** A lane's name: the candidate and its rule. */
    static String lane(String policy, String rule) {
        return policy + " · " + rule;
    }
}
