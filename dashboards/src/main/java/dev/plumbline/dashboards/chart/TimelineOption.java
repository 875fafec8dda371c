package dev.plumbline.dashboards.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECharts option of a {@link TimelineChart}: pure. Two grids share one time axis range and one zoom: the lines
 * above (each point {@code [ISO time, value]}), with the thresholds and marks as a series of their own each (so the
 * legend can hide them), and the lanes below on a category axis, each lane a series whose bands are mark areas and
 * whose points mark where each band starts (a band of a minute in a quarter is narrower than a pixel; its point is
 * not).
 */
final class TimelineOption {

    static final String THRESHOLDS = "thresholds";
    static final String MARKS = "incidents";
    private static final int TOP = 64;
    private static final int LINES_HEIGHT = 260;
    private static final int LANE_HEIGHT = 28;
    private static final int GAP = 44;
    private static final int ZOOM = 56;

    private TimelineOption() {
    }

    /** How tall the chart is drawn, in pixels: the lines, a lane per name, the zoom slider. */
    static int height(TimelineChart c) {
        return TOP + LINES_HEIGHT + (c.lanes().isEmpty() ? 0 : GAP + LANE_HEIGHT * c.lanes().size()) + ZOOM;
    }

    static Map<String, Object> of(TimelineChart c) {
        String from = c.from().toString();
        String to = c.to().toString();
        boolean lanes = !c.lanes().isEmpty();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", c.title(), "left", "left", "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        List<String> legend = new ArrayList<>(c.lines().stream().map(TimelineChart.Line::name).toList());
        legend.add(THRESHOLDS);
        legend.add(MARKS);
        c.lanes().forEach(l -> legend.add(l.name()));
        o.put("legend", Map.of("top", 24, "left", 160, "right", 24, "type", "scroll", "data", legend));
        List<Map<String, Object>> grids = new ArrayList<>();
        grids.add(Map.of("left", 16, "right", 56, "top", TOP, "height", LINES_HEIGHT, "containLabel", true));
        List<Map<String, Object>> xAxes = new ArrayList<>();
        xAxes.add(Map.of("type", "time", "gridIndex", 0, "min", from, "max", to));
        List<Map<String, Object>> yAxes = new ArrayList<>();
        yAxes.add(Map.of("type", "value", "gridIndex", 0, "name", c.unit()));
        if (lanes) {
            List<String> names = c.lanes().stream().map(TimelineChart.Lane::name).toList();
            grids.add(Map.of("left", 16, "right", 56, "top", TOP + LINES_HEIGHT + GAP,
                    "height", LANE_HEIGHT * names.size(), "containLabel", true));
            xAxes.add(Map.of("type", "time", "gridIndex", 1, "min", from, "max", to,
                    "axisLine", Map.of("onZero", false)));
            yAxes.add(Map.of("type", "category", "gridIndex", 1, "data", names, "inverse", true));
            // hidden, aligned with the lanes' category axis: lane i spans i - 0.5 to i + 0.5
            yAxes.add(Map.of("type", "value", "gridIndex", 1, "min", -0.5, "max", names.size() - 0.5, "inverse", true,
                    "show", false));
        }
        o.put("grid", grids);
        o.put("xAxis", xAxes);
        o.put("yAxis", yAxes);
        List<Integer> zoomed = lanes ? List.of(0, 1) : List.of(0);
        o.put("dataZoom", List.of(Map.of("type", "inside", "xAxisIndex", zoomed),
                Map.of("type", "slider", "xAxisIndex", zoomed, "bottom", 8, "height", 24)));
        List<Map<String, Object>> series = new ArrayList<>();
        for (TimelineChart.Line l : c.lines()) {
            List<List<Object>> data = new ArrayList<>();
            for (int i = 0; i < c.times().size(); i++) {
                data.add(java.util.Arrays.asList(c.times().get(i).toString(), l.values().get(i)));
            }
            Map<String, Object> s = line(l.name());
            s.put("data", data);
            series.add(s);
        }
        Map<String, Object> thresholds = line(THRESHOLDS);
        thresholds.put("data", List.of());
        thresholds.put("markLine", Map.of("symbol", "none", "lineStyle", Map.of("type", "dashed", "color", "#c0392b"),
                "data", c.thresholds().stream().map(t -> Map.<String, Object>of("yAxis", t.value(), "name", t.label(),
                        "label", Map.of("formatter", t.label(), "position", "insideEndTop"))).toList()));
        series.add(thresholds);
        Map<String, Object> marks = line(MARKS);
        marks.put("data", List.of());
        marks.put("markLine", Map.of("symbol", "none", "lineStyle", Map.of("type", "dashed", "color", "#7f8c8d"),
                "data", c.marks().stream().map(m -> Map.<String, Object>of("xAxis", m.at().toString(), "name", m.label(),
                        "label", Map.of("formatter", m.label(), "position", "insideEndTop"))).toList()));
        marks.put("markArea", Map.of("itemStyle", Map.of("color", "rgba(192,57,43,0.10)"),
                "data", c.marks().stream().filter(m -> m.until() != null).map(m -> List.of(
                        Map.of("xAxis", m.at().toString()), Map.of("xAxis", m.until().toString()))).toList()));
        series.add(marks);
        for (int i = 0; i < c.lanes().size(); i++) {
            series.add(lane(c.lanes().get(i), i, to));
        }
        o.put("series", series);
        return o;
    }

    private static Map<String, Object> line(String name) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("showSymbol", false);
        s.put("connectNulls", false);
        return s;
    }

    private static Map<String, Object> lane(TimelineChart.Lane lane, int index, String axisEnd) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", lane.name());
        s.put("type", "scatter");
        s.put("xAxisIndex", 1);
        s.put("yAxisIndex", 2);
        s.put("symbol", "rect");
        s.put("symbolSize", List.of(2, 18));
        s.put("tooltip", Map.of("show", false));
        s.put("data", lane.intervals().stream().map(b -> List.<Object>of(b.start().toString(), index)).toList());
        s.put("markArea", Map.of("silent", true, "data", lane.intervals().stream().map(b -> List.of(
                Map.of("xAxis", b.start().toString(), "yAxis", index - 0.35),
                Map.of("xAxis", end(b.end(), axisEnd), "yAxis", index + 0.35))).toList()));
        return s;
    }

    private static String end(Instant end, String axisEnd) {
        return end == null ? axisEnd : end.toString();
    }
}
