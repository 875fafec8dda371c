package dev.plumbline.dashboards.review;

import dev.plumbline.dashboards.chart.BarChart;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.ObjectiveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The review's charts, on the page and in its PDF, from the same month-over-month figures as its table. Pure.
 * <ul>
 *   <li>Error budget consumed: per service with a judged objective, the largest share of an objective's error budget
 *       used in the period and in the previous one (100% = the whole budget; definition "budget-consumed");</li>
 *   <li>p95 change: per service, p95 / previous p95 - 1, in percent (none without both percentiles).</li>
 * </ul>
 */
public final class ReviewCharts {

    public static final String BUDGET = "Error budget consumed (worst objective)";
    public static final String P95 = "p95 change against the previous period";

    private ReviewCharts() {
    }

    public static List<BarChart> of(List<MonthOverMonth> services, String periodLabel, String previousLabel) {
        List<String> judged = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (MonthOverMonth m : services) {
            Double consumed = worstBudgetConsumed(m.current());
            if (consumed != null) {
                judged.add(m.current().service());
                now.add(100 * consumed);
                Double previous = m.previous() == null ? null : worstBudgetConsumed(m.previous());
                before.add(previous == null ? null : 100 * previous);
            }
        }
        BarChart budget = new BarChart(BUDGET, "% of budget", judged, List.of(new BarChart.Bars(periodLabel, now),
                new BarChart.Bars(previousLabel, before)), new BarChart.Threshold("whole budget", 100));
        List<Double> p95 = services.stream().map(m -> relative(m.current().p95Seconds(),
                m.previous() == null ? null : m.previous().p95Seconds())).toList();
        BarChart latency = new BarChart(P95, "%", services.stream().map(m -> m.current().service()).toList(),
                List.of(new BarChart.Bars("p95 change", p95)), null);
        return List.of(budget, latency);
    }

    /** The largest budget consumed among the figures' judged objectives, or null when none is judged. */
    static Double worstBudgetConsumed(Figures f) {
        return f.objectives().stream().map(ObjectiveResult::budgetConsumed).filter(Objects::nonNull)
                .max(Double::compare).orElse(null);
    }

    private static Double relative(Double now, Double before) {
        return now == null || before == null || !(before > 0) ? null : 100 * (now / before - 1);
    }
}
