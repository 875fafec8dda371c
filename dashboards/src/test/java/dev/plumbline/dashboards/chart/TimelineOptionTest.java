package dev.plumbline.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineOptionTest {

    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-02T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-10-01T06:00:00Z");
    private static final Instant T2 = Instant.parse("2026-10-01T12:00:00Z");

    private static TimelineChart chart(List<TimelineChart.Lane> lanes) {
        return new TimelineChart("Burn", "x budget", FROM, TO, List.of(T1, T2),
                List.of(new TimelineChart.Line("5m", Arrays.asList(3.0, null))),
                List.of(new TimelineChart.Threshold("14.4x: sre page-1h", 14.4)),
                List.of(new TimelineChart.Mark("incident: deploy", T1, T2), new TimelineChart.Mark("incident: blip", T2, null)),
                lanes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void lines_are_time_value_pairs_with_gaps_and_thresholds_and_marks_are_series_of_their_own() {
        Map<String, Object> o = Chart.option(chart(List.of()));

        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("5m", "thresholds", "incidents");
        assertThat(series.getFirst().get("data")).isEqualTo(List.of(Arrays.asList("2026-10-01T06:00:00Z", 3.0),
                Arrays.asList("2026-10-01T12:00:00Z", null)));
        List<Map<String, Object>> lines = (List<Map<String, Object>>) ((Map<String, Object>) series.get(1).get("markLine")).get("data");
        assertThat(lines).extracting(l -> l.get("yAxis")).containsExactly(14.4);
        Map<String, Object> marks = series.get(2);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) marks.get("markLine")).get("data"))
                .extracting(m -> m.get("xAxis")).containsExactly("2026-10-01T06:00:00Z", "2026-10-01T12:00:00Z");
        assertThat((List<Object>) ((Map<String, Object>) marks.get("markArea")).get("data")).as("only a mark with an end is shaded")
                .containsExactly(List.of(Map.of("xAxis", "2026-10-01T06:00:00Z"), Map.of("xAxis", "2026-10-01T12:00:00Z")));
        assertThat((List<Object>) o.get("grid")).hasSize(1);
        assertThat(((List<Map<String, Object>>) o.get("xAxis")).getFirst()).containsEntry("min", "2026-10-01T00:00:00Z")
                .containsEntry("max", "2026-10-02T00:00:00Z");
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_lane_is_a_row_under_the_lines_whose_bands_span_its_row_and_an_open_band_runs_to_the_end() {
        Map<String, Object> o = Chart.option(chart(List.of(new TimelineChart.Lane("sre · page-1h", List.of()),
                new TimelineChart.Lane("twitchy · page", List.of(new TimelineChart.Interval(T1, T2),
                        new TimelineChart.Interval(T2, null))))));

        assertThat((List<Object>) o.get("grid")).hasSize(2);
        List<Map<String, Object>> y = (List<Map<String, Object>>) o.get("yAxis");
        assertThat(y.get(1).get("data")).isEqualTo(List.of("sre · page-1h", "twitchy · page"));
        assertThat(y.get(2)).containsEntry("min", -0.5).containsEntry("max", 1.5);
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        Map<String, Object> twitchy = series.getLast();
        assertThat(twitchy).containsEntry("name", "twitchy · page").containsEntry("yAxisIndex", 2);
        assertThat(twitchy.get("data")).isEqualTo(List.of(List.of("2026-10-01T06:00:00Z", 1), List.of("2026-10-01T12:00:00Z", 1)));
        List<List<Map<String, Object>>> bands = (List<List<Map<String, Object>>>) ((Map<String, Object>) twitchy.get("markArea")).get("data");
        assertThat(bands.get(1)).containsExactly(Map.of("xAxis", "2026-10-01T12:00:00Z", "yAxis", 0.65),
                Map.of("xAxis", "2026-10-02T00:00:00Z", "yAxis", 1.35));
        assertThat(TimelineOption.height(chart(List.of(new TimelineChart.Lane("a", List.of())))))
                .isGreaterThan(TimelineOption.height(chart(List.of())));
    }

    @Test
    void a_line_that_does_not_fit_the_times_is_refused_and_an_all_gap_chart_is_empty() {
        assertThatThrownBy(() -> new TimelineChart("t", "u", FROM, TO, List.of(T1), List.of(new TimelineChart.Line("a",
                List.of(1.0, 2.0))), List.of(), List.of(), List.of())).hasMessage("t: line a has 2 values for 1 times");
        assertThat(new TimelineChart("t", "u", FROM, TO, List.of(T1), List.of(new TimelineChart.Line("a",
                Arrays.asList((Double) null))), List.of(), List.of(), List.of()).isEmpty()).isTrue();
    }
}
