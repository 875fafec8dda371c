package dev.plumbline.dashboards.explore;

import dev.plumbline.dashboards.chart.BarChart;
import dev.plumbline.dashboards.review.FigureText;
import dev.plumbline.sql.explore.Exploration;
import dev.plumbline.sql.explore.ExploreQuery;
import dev.plumbline.sql.explore.ExploreFigure;
import dev.plumbline.sql.psr.ExploreBy;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the Explore page writes a figure's values and changes, in the figure's unit as every page writes it, its chart
 * unit, and the links of a group. Pure.
 */
public final class ExploreText {

    private ExploreText() {
    }

    /** A value: "1,234", "99.950%", "412 ms", "3.20" (req/s), "$12,000"; "–" when there is none. */
    public static String value(ExploreFigure figure, Double v, String currency) {
        if (v == null) {
            return PercentText.NONE;
        }
        return switch (figure.unit()) {
            case COUNT -> FigureText.count(v);
            case SHARE -> PercentText.of(v, 3);
            case SECONDS -> FigureText.ms(v);
            case REQUESTS_PER_SECOND -> FigureText.rps(v) + " req/s";
            case MONEY -> MoneyText.of(v, currency);
        };
    }

    /** A change against the previous period: "+12" (counts), "+0.120 pp", "+35 ms", "+$1,200"; "" when none. */
    public static String change(ExploreFigure figure, Double change, String currency) {
        if (change == null) {
            return "";
        }
        return switch (figure.unit()) {
            case COUNT -> Math.round(change) == 0 ? "0" : String.format(Locale.ROOT, "%+,d", Math.round(change));
            case SHARE -> FigureText.points(change);
            case SECONDS -> FigureText.msChange(change);
            case REQUESTS_PER_SECOND -> Math.round(100 * change) == 0 ? "0.00 req/s"
                    : String.format(Locale.ROOT, "%+.2f req/s", change);
            case MONEY -> (Math.round(change) > 0 ? "+" : "") + MoneyText.of(change, currency);
        };
    }

    /** The chart's value axis unit. */
    public static String chartUnit(ExploreFigure figure, String currency) {
        return switch (figure.unit()) {
            case COUNT -> "";
            case SHARE -> "%";
            case SECONDS -> "ms";
            case REQUESTS_PER_SECOND -> "req/s";
            case MONEY -> currency;
        };
    }

    /** Multiplies a value into the chart's unit (shares to %, seconds to ms). */
    public static Double chartValue(ExploreFigure figure, Double v) {
        if (v == null) {
            return null;
        }
        return switch (figure.unit()) {
            case SHARE -> 100 * v;
            case SECONDS -> 1000 * v;
            default -> v;
        };
    }

    /**
     * The chart: the first {@code top} groups of the table (the worst), this period's bars next to the previous
     * period's, in the chart's unit.
     */
    public static BarChart chart(Exploration e, String periodLabel, String previousLabel, String currency, int top) {
        List<Exploration.Row> rows = e.rows().stream().limit(top).toList();
        return new BarChart(e.figure().label() + " by " + e.by().label().toLowerCase(Locale.ROOT)
                + (e.service().isEmpty() ? "" : " on " + e.service()), chartUnit(e.figure(), currency),
                rows.stream().map(Exploration.Row::label).toList(),
                List.of(new BarChart.Bars(periodLabel, rows.stream().map(r -> chartValue(e.figure(), r.value())).toList()),
                        new BarChart.Bars(previousLabel, rows.stream().map(r -> chartValue(e.figure(), r.previous()))
                                .toList())), null);
    }

    /** Where a group leads: a service to its Service page, a customer to its Customer page; null otherwise. */
    public static String link(ExploreBy by, String key, String month) {
        return switch (by) {
            case SERVICE -> "service?name=" + encode(key);
            case CUSTOMER -> key.isEmpty() ? null
                    : "customer?id=" + encode(key) + (month == null || month.isEmpty() ? "" : "&month=" + encode(month));
            default -> null;
        };
    }

    /** The page's URL parameters for a query (empty ones left out), in a stable order. */
    public static Map<String, String> parameters(ExploreQuery q) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("figure", q.figure().id());
        out.put("by", q.by().id());
        put(out, "service", q.service());
        put(out, "month", q.month());
        put(out, "from", q.from());
        put(out, "to", q.to());
        return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
