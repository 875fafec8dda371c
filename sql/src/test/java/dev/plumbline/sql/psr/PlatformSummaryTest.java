package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformSummaryTest {

    private static Figures figures(String service, double requests, double errors, Boolean... met) {
        List<ObjectiveResult> results = java.util.Arrays.stream(met).map(m -> new ObjectiveResult(
                new Objective(service, "o", Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(30)),
                0.0, 0.0, 0.0, m, "")).toList();
        return new Figures(service, service, requests, errors, requests > 0 ? errors / requests : 0,
                requests > 0 ? 1 - errors / requests : 1, null, null, null, "", 0.0, null, null, null, 1, results);
    }

    private static CustomerHealth customer(String id, String arr, long overBudget, double risk) {
        return new CustomerHealth(id, id, "s", arr == null ? null : new BigDecimal(arr), null, 90.0, 3, overBudget, "",
                null, risk);
    }

    @Test
    void availability_weighs_services_by_requests_not_by_count() {
        PlatformSummary s = PlatformSummary.of(List.of(
                MonthOverMonth.of(figures("big", 1_000_000, 100), figures("big", 500_000, 500)),
                MonthOverMonth.of(figures("small", 1_000, 500), null)), List.of());
        assertThat(s.availability()).isCloseTo(1 - 600.0 / 1_001_000, within(1e-12));
        assertThat(s.previousAvailability()).isCloseTo(1 - 500.0 / 500_000, within(1e-12));
        assertThat(s.availabilityChange()).isCloseTo(500.0 / 500_000 - 600.0 / 1_001_000, within(1e-12));
    }

    @Test
    void the_platform_objective_is_what_every_service_exactly_on_budget_would_give() {
        // big: 1,000,000 requests at 99.9% (1,000 errors allowed); small: 1,000 at 99.9% (1 allowed); none: no objective
        PlatformSummary s = PlatformSummary.of(List.of(
                MonthOverMonth.of(figures("big", 1_000_000, 100, true), null),
                MonthOverMonth.of(figures("small", 1_000, 500, false), null),
                MonthOverMonth.of(figures("none", 5_000, 0), null)), List.of());
        assertThat(s.availabilityObjective()).isCloseTo(1 - 1_001.0 / 1_001_000, within(1e-12));
        assertThat(PlatformSummary.of(List.of(MonthOverMonth.of(figures("none", 5_000, 0), null)), List.of())
                .availabilityObjective()).isNull();
    }

    @Test
    void without_a_previous_period_there_is_no_change() {
        PlatformSummary s = PlatformSummary.of(List.of(MonthOverMonth.of(figures("a", 1000, 1), null)), List.of());
        assertThat(s.availability()).isNotNull();
        assertThat(s.previousAvailability()).isNull();
        assertThat(s.availabilityChange()).isNull();
    }

    @Test
    void a_service_meets_its_objectives_only_if_every_judged_one_is_met() {
        PlatformSummary s = PlatformSummary.of(List.of(
                MonthOverMonth.of(figures("a", 10, 0, true, true), null),
                MonthOverMonth.of(figures("b", 10, 0, true, false), null),
                MonthOverMonth.of(figures("c", 10, 0, null, true), null),
                MonthOverMonth.of(figures("no-objective", 10, 0), null)), List.of());
        assertThat(s.servicesMeetingObjectives()).isEqualTo(2);
        assertThat(s.servicesWithObjectives()).isEqualTo(3);
    }

    private static ObjectiveResult latency(String service, double threshold, double badShare, boolean met) {
        return new ObjectiveResult(new Objective(service, "latency-" + threshold, Indicator.LATENCY, 0.99, threshold,
                ObjectiveWindow.rolling(30)), badShare, badShare / 0.01, 0.0, met, "");
    }

    @Test
    void requests_within_latency_objectives_weigh_each_services_strictest_threshold_by_its_requests() {
        Figures search = new Figures("search", "search", 3000, 0, 0, 1, null, null, null, "", 0.0, null, null, null, 1,
                List.of(latency("search", 800, 0.02, false), latency("search", 300, 0.10, false)));
        Figures checkout = new Figures("checkout", "checkout", 1000, 0, 0, 1, null, null, null, "", 0.0, null, null, null, 1,
                List.of(latency("checkout", 500, 0.004, true)));
        Figures unknown = new Figures("export", "export", 5000, 0, 0, 1, null, null, null, "percentiles only", 0.0, null,
                null, null, 1, List.of(new ObjectiveResult(new Objective("export", "latency", Indicator.LATENCY, 0.99, 500.0,
                ObjectiveWindow.rolling(30)), null, null, null, null, "percentiles only")));
        PlatformSummary s = PlatformSummary.of(List.of(search, checkout, unknown, figures("plain", 100, 0, true)), 0, 0,
                new PlatformSummary.CustomerTotals(0, 0, 0, 0));
        assertThat(s.withinLatencyObjectives()).isCloseTo((3000 * 0.90 + 1000 * 0.996) / 4000, within(1e-12));
        assertThat(s.latencyObjectivesJudged()).isEqualTo(3);
        assertThat(s.latencyObjectivesMet()).isEqualTo(1);
        assertThat(PlatformSummary.of(List.of(figures("plain", 100, 0, true)), 0, 0,
                new PlatformSummary.CustomerTotals(0, 0, 0, 0)).withinLatencyObjectives()).isNull();
    }

    @Test
    void a_time_slice_latency_objective_counts_as_judged_but_its_share_of_bad_slices_is_not_a_share_of_requests() {
        ObjectiveResult slices = new ObjectiveResult(new Objective("search", "latency-slices", Indicator.LATENCY, 0.99,
                100.0, ObjectiveWindow.rolling(30), dev.plumbline.sql.catalog.Budgeting.timeslices(5, 0.9)), 0.5, 50.0,
                1.0, false, "", new TimeSliceCounts(12, 12, 6, 0, 0, 0));
        Figures search = new Figures("search", "search", 3000, 0, 0, 1, null, null, null, "", 0.0, null, null, null, 1,
                List.of(latency("search", 800, 0.02, false), slices));
        Figures onlySlices = new Figures("web", "web", 1000, 0, 0, 1, null, null, null, "", 0.0, null, null, null, 1,
                List.of(slices));

        PlatformSummary s = PlatformSummary.of(List.of(search, onlySlices), 0, 0, new PlatformSummary.CustomerTotals(0, 0, 0, 0));

        assertThat(s.withinLatencyObjectives()).isCloseTo(0.98, within(1e-12));
        assertThat(s.latencyObjectivesJudged()).isEqualTo(3);
        assertThat(s.latencyObjectivesMet()).isZero();
    }

    @Test
    void the_share_of_arr_inside_objectives_counts_customers_with_no_service_over_budget() {
        PlatformSummary s = PlatformSummary.of(List.of(), List.of(customer("in", "300", 0, 0),
                customer("out", "100", 2, 40.5), customer("unknown", null, 1, 0)));
        assertThat(s.arrInsideObjectives()).isEqualTo(0.75);
        assertThat(s.revenueAtRisk()).isEqualTo(40.5);
        assertThat(s.customers()).isEqualTo(3);
    }

    @Test
    void nothing_collected_gives_no_availability_and_no_share() {
        PlatformSummary s = PlatformSummary.of(List.of(), List.of());
        assertThat(s.availability()).isNull();
        assertThat(s.arrInsideObjectives()).isNull();
    }
}
