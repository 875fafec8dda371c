package dev.plumbline.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartTest {

    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));

    @Test
    @SuppressWarnings("unchecked")
    void a_band_is_a_stacked_pair_whose_lower_edge_stays_out_of_the_legend_and_markers_outside_the_days_are_dropped() {
        TimeChart c = new TimeChart("p95", "ms", DAYS, List.of(new TimeChart.Line("p95", Arrays.asList(100.0, null))),
                false, new TimeChart.Band("usual", List.of(80.0, 90.0), List.of(120.0, 150.0)),
                List.of(new TimeChart.Marker(LocalDate.of(2026, 10, 2), "deploy: v1"),
                        new TimeChart.Marker(LocalDate.of(2026, 9, 1), "too early")));
        Map<String, Object> o = Chart.option(c);

        assertThat((List<String>) ((Map<String, Object>) o.get("legend")).get("data")).containsExactly("p95", "usual");
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("p95", "usual (lower)", "usual");
        assertThat(series.get(2).get("data")).isEqualTo(List.of(40.0, 60.0));
        assertThat(series.get(0).get("data")).isEqualTo(Arrays.asList(100.0, null));
        List<Map<String, Object>> marks = (List<Map<String, Object>>) ((Map<String, Object>) series.get(0).get("markLine")).get("data");
        assertThat(marks).extracting(m -> m.get("name")).containsExactly("deploy: v1");
    }

    /** unit, values (two days, "-" a gap), threshold ("-" none) -> the y axis range ("auto": ECharts decides). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "steady noise is drawn flat, not as a spike       | ms | 1895.88, 1895.72 | -    | 1800.0, 2000.0",
        "the threshold is always in sight                 | ms | 1895.88, 1895.72 | 800  | 500.0, 2500.0",
        "a share against its objective keeps the distance | %  | 99.3, 99.9       | 99.766 | 99.1, 100.0",
        "a real change keeps its own span                 | ms | 100, 400         | -    | 100.0, 400.0",
        "shares near 100% are not stretched to noise      | %  | 99.93, 99.99     | -    | 90.0, 100.0",
        "small values keep their own span                 | ms | 0.001, 0.002     | -    | 0.001, 0.002",
        "a small steady value is widened around itself    | ms | 0.2, 0.21        | -    | 0.19, 0.22",
        "all zeros still get an axis                      | ms | 0, 0             | -    | 0.0, 1.0",
        "nothing to draw: ECharts decides                 | ms | -, -             | -    | auto"})
    void the_y_axis_spans_at_least_a_tenth_of_the_values_and_holds_the_threshold(String name, String unit, String values,
                                                                                 String threshold, String expected) {
        List<Double> v = Arrays.stream(values.split(",")).map(String::strip)
                .map(x -> x.equals("-") ? null : Double.valueOf(x)).toList();
        TimeChart c = new TimeChart("t", unit, DAYS, List.of(new TimeChart.Line("a", v)), false, null, List.of(),
                threshold.equals("-") ? null : new TimeChart.Threshold(Double.parseDouble(threshold), "objective"));
        double[] range = c.axisRange();
        assertThat(range == null ? "auto" : range[0] + ", " + range[1]).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_threshold_is_a_dashed_line_next_to_the_annotations_and_the_axis_holds_it() {
        TimeChart c = new TimeChart("p95", "ms", DAYS, List.of(new TimeChart.Line("p95", List.of(300.0, 310.0))), false,
                null, List.of(new TimeChart.Marker(DAYS.getFirst(), "deploy: v1")), new TimeChart.Threshold(800, "objective 800 ms"));
        Map<String, Object> o = Chart.option(c);
        Map<String, Object> y = (Map<String, Object>) o.get("yAxis");
        assertThat(((Number) y.get("max")).doubleValue()).isGreaterThanOrEqualTo(800.0);
        List<Map<String, Object>> marks = (List<Map<String, Object>>) ((Map<String, Object>) ((List<Map<String, Object>>)
                o.get("series")).getFirst().get("markLine")).get("data");
        assertThat(marks).extracting(m -> m.get("name")).containsExactly("deploy: v1", "objective 800 ms");
        assertThat(marks.get(1).get("yAxis")).isEqualTo(800.0);
    }

    @Test
    void a_line_that_does_not_fit_the_days_is_refused_and_an_all_gap_chart_is_empty() {
        assertThatThrownBy(() -> new TimeChart("t", "u", DAYS, List.of(new TimeChart.Line("a", List.of(1.0))), false,
                null, List.of())).hasMessage("t: line a has 1 values for 2 days");
        assertThat(new TimeChart("t", "u", DAYS, List.of(new TimeChart.Line("a", Arrays.asList(null, null))), false, null,
                List.of()).isEmpty()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void bars_keep_their_threshold_in_sight_and_refuse_a_series_that_does_not_fit() {
        BarChart low = new BarChart("budget", "%", List.of("a", "b"), List.of(new BarChart.Bars("now",
                Arrays.asList(10.0, null))), new BarChart.Threshold("whole budget", 100));
        Map<String, Object> o = Chart.option(low);
        assertThat(((Map<String, Object>) o.get("yAxis")).get("max")).isEqualTo(120.0);
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertThat(series.getFirst().get("type")).isEqualTo("bar");
        assertThat(series.getFirst().get("data")).isEqualTo(Arrays.asList(10.0, null));
        Map<String, Object> line = ((List<Map<String, Object>>) ((Map<String, Object>) series.getFirst().get("markLine"))
                .get("data")).getFirst();
        assertThat(line.get("yAxis")).isEqualTo(100.0);

        BarChart high = new BarChart("budget", "%", List.of("a"), List.of(new BarChart.Bars("now", List.of(250.0))),
                new BarChart.Threshold("whole budget", 100));
        assertThat(high.axisMax()).isNull();
        assertThat(((Map<String, Object>) Chart.option(high).get("yAxis"))).doesNotContainKey("max");
        assertThatThrownBy(() -> new BarChart("t", "u", List.of("a", "b"), List.of(new BarChart.Bars("x", List.of(1.0))),
                null)).hasMessage("t: series x has 1 values for 2 categories");
    }

    @Test
    void a_chart_tells_a_screen_reader_what_it_shows() {
        TimeChart c = new TimeChart("Platform availability per day", "%", DAYS, List.of(
                new TimeChart.Line("availability", Arrays.asList(99.9, 99.8)),
                new TimeChart.Line("7-day average", Arrays.asList(99.9, 99.85))), false, null, List.of());

        assertThat(Chart.describe(c)).isEqualTo("Platform availability per day (%), from " + DAYS.getFirst() + " to "
                + DAYS.getLast() + ": availability, 7-day average");
        Chart drawn = new Chart(c);
        assertThat(drawn.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(drawn.getElement().getAttribute("aria-label")).isEqualTo(Chart.describe(c));
    }
}
