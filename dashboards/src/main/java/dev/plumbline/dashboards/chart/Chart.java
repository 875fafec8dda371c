package dev.plumbline.dashboards.chart;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draws a {@link TimeChart}, a {@link TimelineChart} or a {@link BarChart} with Apache ECharts, loaded once from the echarts webjar on the classpath (no npm build):
 * title, unit, legend, tooltips, gaps for missing values, marks for annotations, a shaded band; an empty chart says
 * so instead of drawing axes over nothing. The option is plain data (see {@link #option}), tested without a browser.
 */
public class Chart extends Div {

    public static final String SCRIPT = "context://webjars/echarts/5.5.0/echarts.min.js";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean empty;
    private final Map<String, Object> option;

    public Chart(TimeChart spec) {
        this(spec.title(), spec.isEmpty(), option(spec), describe(spec));
    }

    public Chart(BarChart spec) {
        this(spec.title(), spec.isEmpty(), option(spec), describe(spec));
    }

    public Chart(TimelineChart spec) {
        this(spec.title(), spec.isEmpty(), option(spec), describe(spec));
        if (!empty) {
            setHeight(TimelineOption.height(spec) + "px");
        }
    }

    private Chart(String title, boolean empty, Map<String, Object> option, String description) {
        this.empty = empty;
        this.option = option;
        addClassName("plumbline-chart");
        getElement().setAttribute("data-chart", title);
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", empty ? title + ": no data in this period" : description);
        if (empty) {
            addClassName("empty");
            setText(title + ": no data in this period");
        } else {
            setWidthFull();
            setHeight("18em");
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (empty) {
            return;
        }
        event.getUI().getPage().addJavaScript(SCRIPT);
        getElement().executeJs("""
                const el = this; const option = JSON.parse($0); let tries = 0;
                const draw = () => {
                  if (window.echarts) {
                    const chart = echarts.getInstanceByDom(el) || echarts.init(el);
                    chart.setOption(option, true);
                    el.setAttribute('data-drawn', 'true');
                    new ResizeObserver(() => chart.resize()).observe(el);
                  } else if (tries++ < 200) { setTimeout(draw, 50); }
                  else { el.textContent = 'The chart library could not be loaded.'; el.classList.add('error'); }
                };
                draw();""", JSON.writeValueAsString(option));
    }

    /** What a reader of the page is told the chart shows: "Title (unit), from 2026-10-01 to 2026-10-31: a, b". */
    public static String describe(TimeChart c) {
        String range = c.days().isEmpty() ? "" : ", from " + c.days().getFirst() + " to " + c.days().getLast();
        return c.title() + " (" + c.unit() + ")" + range + ": "
                + String.join(", ", c.lines().stream().map(TimeChart.Line::name).toList());
    }

    public static String describe(BarChart c) {
        return c.title() + " (" + c.unit() + ") for " + String.join(", ", c.categories()) + ": "
                + String.join(", ", c.series().stream().map(BarChart.Bars::name).toList());
    }

    public static String describe(TimelineChart c) {
        String lanes = c.lanes().isEmpty() ? "" : "; lanes " + String.join(", ",
                c.lanes().stream().map(TimelineChart.Lane::name).toList());
        return c.title() + " (" + c.unit() + "), from " + c.from() + " to " + c.to() + ": "
                + String.join(", ", c.lines().stream().map(TimelineChart.Line::name).toList()) + lanes;
    }

    /** The ECharts option for lines over instants, with thresholds, marks and lanes of bands: pure. */
    public static Map<String, Object> option(TimelineChart c) {
        return TimelineOption.of(c);
    }

    /** The ECharts option for bars per category: pure. */
    public static Map<String, Object> option(BarChart c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", c.title(), "left", "left", "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        o.put("legend", Map.of("top", 24, "type", "scroll", "data", c.series().stream().map(BarChart.Bars::name).toList()));
        o.put("grid", Map.of("left", 60, "right", 24, "top", 64, "bottom", 32, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", c.categories(),
                "axisLabel", Map.of("interval", 0, "rotate", c.categories().size() > 8 ? 45 : 0)));
        Map<String, Object> y = new LinkedHashMap<>(Map.of("type", "value", "name", c.unit()));
        if (c.axisMax() != null) {
            y.put("max", c.axisMax());
        }
        o.put("yAxis", y);
        List<Map<String, Object>> series = new ArrayList<>();
        for (BarChart.Bars b : c.series()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", b.name());
            s.put("type", "bar");
            s.put("data", b.values());
            series.add(s);
        }
        if (!series.isEmpty() && c.threshold() != null) {
            series.getFirst().put("markLine", Map.of("symbol", "none", "data", List.of(Map.of("yAxis",
                    c.threshold().value(), "name", c.threshold().label(), "label", Map.of("formatter", c.threshold().label(),
                            "position", "insideEndTop"))), "lineStyle", Map.of("type", "dashed", "color", "#c0392b")));
        }
        o.put("series", series);
        return o;
    }

    /** The ECharts option for a chart: pure. */
    public static Map<String, Object> option(TimeChart c) {
        List<String> x = c.days().stream().map(Object::toString).toList();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", c.title(), "left", "left", "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        List<String> legend = new ArrayList<>(c.lines().stream().map(TimeChart.Line::name).toList());
        if (c.band() != null) {
            legend.add(c.band().name());   // its invisible lower edge stays out of the legend
        }
        o.put("legend", Map.of("top", 24, "type", "scroll", "data", legend));
        // the last day's label is centred on the right edge (no boundary gap): room for its half
        o.put("grid", Map.of("left", 60, "right", 48, "top", 64, "bottom", 32));
        o.put("xAxis", Map.of("type", "category", "data", x, "boundaryGap", false));
        Map<String, Object> y = new LinkedHashMap<>(Map.of("type", "value", "name", c.unit(), "scale", !c.stacked()));
        double[] range = c.axisRange();
        if (range != null) {
            y.put("min", range[0]);
            y.put("max", range[1]);
        }
        o.put("yAxis", y);
        List<Map<String, Object>> series = new ArrayList<>();
        for (TimeChart.Line l : c.lines()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", l.name());
            s.put("type", "line");
            s.put("data", l.values());
            s.put("showSymbol", false);
            s.put("connectNulls", false);
            if (c.stacked()) {
                s.put("stack", "total");
                s.put("areaStyle", Map.of());
            }
            series.add(s);
        }
        if (!series.isEmpty() && !c.markers().isEmpty()) {
            List<Map<String, Object>> marks = c.markers().stream().filter(m -> x.contains(m.day().toString()))
                    .map(m -> Map.<String, Object>of("xAxis", m.day().toString(), "name", m.label(),
                            "label", Map.of("formatter", m.label(), "position", "insideEndTop"))).toList();
            series.getFirst().put("markLine", Map.of("symbol", "none", "data", marks,
                    "lineStyle", Map.of("type", "dashed", "color", "#888")));
        }
        if (!series.isEmpty() && c.threshold() != null) {
            Map<String, Object> line = Map.of("yAxis", c.threshold().value(), "name", c.threshold().label(),
                    "label", Map.of("formatter", c.threshold().label(), "position", "insideEndTop"),
                    "lineStyle", Map.of("type", "dashed", "color", "#c0392b"));
            @SuppressWarnings("unchecked")
            Map<String, Object> marks = (Map<String, Object>) series.getFirst().get("markLine");
            if (marks == null) {
                series.getFirst().put("markLine", Map.of("symbol", "none", "data", List.of(line),
                        "lineStyle", Map.of("type", "dashed", "color", "#888")));
            } else {
                List<Object> data = new ArrayList<>((List<?>) marks.get("data"));
                data.add(line);
                Map<String, Object> both = new LinkedHashMap<>(marks);
                both.put("data", data);
                series.getFirst().put("markLine", both);
            }
        }
        if (c.band() != null) {
            series.add(bandSeries(c.band().name() + " (lower)", c.band().lower(), null));
            List<Double> width = new ArrayList<>();
            for (int i = 0; i < c.band().lower().size(); i++) {
                Double lo = c.band().lower().get(i);
                Double hi = c.band().upper().get(i);
                width.add(lo == null || hi == null ? null : hi - lo);
            }
            series.add(bandSeries(c.band().name(), width, Map.of("color", "rgba(120,120,200,0.18)")));
        }
        o.put("series", series);
        return o;
    }

    private static Map<String, Object> bandSeries(String name, List<Double> data, Map<String, Object> area) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("data", data);
        s.put("stack", "band");
        s.put("showSymbol", false);
        // the band's edges are faint lines, so a band of no width (a perfectly steady series) is still seen
        s.put("lineStyle", Map.of("opacity", 0.5, "width", 1, "color", "rgb(120,120,200)"));
        s.put("itemStyle", Map.of("color", "rgb(120,120,200)"));
        s.put("tooltip", Map.of("show", false));
        if (area != null) {
            s.put("areaStyle", area);
        }
        return s;
    }
}
