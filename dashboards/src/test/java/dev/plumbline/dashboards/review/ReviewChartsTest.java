package dev.plumbline.dashboards.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.dashboards.chart.BarChart;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.ObjectiveResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewChartsTest {

    private static ObjectiveResult judged(String service, String name, Double consumed) {
        return new ObjectiveResult(new Objective(service, name, Indicator.AVAILABILITY, 0.999, null,
                ObjectiveWindow.rolling(30)), 0.001, 1.0, consumed, consumed == null ? null : consumed <= 1, "");
    }

    private static Figures figures(String service, Double p95, ObjectiveResult... objectives) {
        return new Figures(service, service, 1000, 1, 0.001, 0.999, 0.01, p95, 0.5, "", 1.0, 2.0, true, 1.0, 3,
                List.of(objectives));
    }

    @Test
    void budget_bars_take_each_services_worst_objective_now_and_before_and_p95_bars_its_change_in_ms() {
        MonthOverMonth search = MonthOverMonth.of(figures("search", 0.30, judged("search", "a", 0.4),
                judged("search", "b", 1.7)), figures("search", 0.20, judged("search", "a", 0.5)));
        MonthOverMonth export = MonthOverMonth.of(figures("export", 0.10), null);
        MonthOverMonth billing = MonthOverMonth.of(figures("billing", 0.10, judged("billing", "a", 0.2)), null);

        List<BarChart> charts = ReviewCharts.of(List.of(search, export, billing), "2026-10", "2026-09");
        BarChart budget = charts.get(0);
        assertThat(budget.categories()).containsExactly("search", "billing");
        assertThat(budget.series()).extracting(BarChart.Bars::name).containsExactly("2026-10", "2026-09");
        assertThat(budget.series().get(0).values()).containsExactly(170.0, 20.0);
        assertThat(budget.series().get(1).values()).isEqualTo(Arrays.asList(50.0, null));
        assertThat(budget.threshold().value()).isEqualTo(100.0);

        BarChart p95 = charts.get(1);   // milliseconds, as the table's "+100 ms": 300 ms against 200 ms
        assertThat(p95.unit()).isEqualTo("ms");
        assertThat(p95.categories()).containsExactly("search", "export", "billing");
        assertThat(p95.series().getFirst().values().get(0)).isCloseTo(100.0, within(1e-9));
        assertThat(p95.series().getFirst().values().subList(1, 3)).containsOnlyNulls();
    }

    @Test
    void no_services_give_empty_charts() {
        assertThat(ReviewCharts.of(List.of(), "2026-10", "2026-09")).allMatch(BarChart::isEmpty);
    }
}
