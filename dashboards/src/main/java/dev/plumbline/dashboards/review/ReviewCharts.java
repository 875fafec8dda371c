package dev.plumbline.dashboards.review;

import dev.plumbline.dashboards.chart.BarChart;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.ObjectiveResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The review's charts, on the page and in its PDF, from the same month-over-month figures as its table. They draw
 * figures computed in {@code sql/}, in the units the table writes them. Pure.
 * <ul>
 *   <li>Error budget consumed: per service with a judged objective, the budget consumed by its worst objective
 *       ({@link ObjectiveResult#worst}, definition "worst-objective") in the period and in the previous one, in percent
 *       (100% = the whole budget);</li>
 *   <li>p95 change: per service, {@link MonthOverMonth#p95ChangeSeconds} in milliseconds, as the table's "+35 ms"
 *       (definition "p95-change"; none without both percentiles).</li>
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
        List<Double> p95 = services.stream()
                .map(m -> m.p95ChangeSeconds() == null ? null : 1000 * m.p95ChangeSeconds()).toList();
        BarChart latency = new BarChart(P95, "ms", services.stream().map(m -> m.current().service()).toList(),
                List.of(new BarChart.Bars("p95 change", p95)), null);
        return List.of(budget, latency);
    }

    private static Double worstBudgetConsumed(Figures f) {
        return ObjectiveResult.worst(f.objectives()).map(ObjectiveResult::budgetConsumed).orElse(null);
    }
}
