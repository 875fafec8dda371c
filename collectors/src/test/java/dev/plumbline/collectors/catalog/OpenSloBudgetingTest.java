package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.Budgeting;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Budgeting methods, time slices and targets as OpenSLO v1 writes them. */
class OpenSloBudgetingTest {

    /** A service and one SLO with {@code method} and one objective whose fields are {@code objective}. */
    static String slo(String method, String objective) {
        return """
                apiVersion: openslo/v1
                kind: Service
                metadata: {name: web}
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: web-availability}
                spec:
                  service: web
                  indicator: {spec: {ratioMetric: {counter: true}}}
                  timeWindow: [{duration: 28d, isRolling: true}]
                %s  objectives:
                    - {%s}
                """.formatted(method.isEmpty() ? "" : "  budgetingMethod: " + method + "\n", objective);
    }

    private static Catalog read(String text) {
        return OpenSloReader.read(List.of(new OpenSloReader.Source("web.yaml", text)));
    }

    @ParameterizedTest(name = "{0} with {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "            | target: 0.999                                              | occurrences",
        "Occurrences | target: 0.999                                              | occurrences",
        "Timeslices  | target: 0.999, timeSliceTarget: 0.95, timeSliceWindow: 5m  | time slices of 5 min, each good at 0.95",
        "Timeslices  | target: 0.999, timeSliceTarget: 1, timeSliceWindow: 1h     | time slices of 60 min, each good at 1.0",
        "Timeslices  | target: 0.999, timeSliceTarget: 0.9, timeSliceWindow: 15   | time slices of 15 min, each good at 0.9",
        "RatioTimeslices | target: 0.999, timeSliceWindow: 1m                    | average of 1-min time slices",
    })
    void the_budgeting_method_and_its_time_slice_are_read(String method, String objective, String budgeting) {
        Catalog catalog = read(slo(method == null ? "" : method, objective));

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.objectives()).singleElement().extracting(o -> o.budgeting().toString()).isEqualTo(budgeting);
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "Timeslice       | target: 0.9                                   | $[1].spec.budgetingMethod: must be Occurrences, Timeslices or RatioTimeslices, was 'Timeslice'",
        "Timeslices      | target: 0.9, timeSliceWindow: 1m              | $[1].spec.objectives[0].timeSliceTarget: missing: budgetingMethod Timeslices needs the good share a slice must reach (e.g. timeSliceTarget: 0.95)",
        "Timeslices      | target: 0.9, timeSliceTarget: 0.95            | $[1].spec.objectives[0].timeSliceWindow: missing: budgetingMethod Timeslices needs the time slice (e.g. timeSliceWindow: 5m)",
        "Timeslices      | target: 0.9, timeSliceTarget: 0, timeSliceWindow: 1m   | $[1].spec.objectives[0].timeSliceTarget: must be above 0 and at most 1 (e.g. 0.95), was 0",
        "Timeslices      | target: 0.9, timeSliceTarget: 1.2, timeSliceWindow: 1m | $[1].spec.objectives[0].timeSliceTarget: must be above 0 and at most 1 (e.g. 0.95), was 1.2",
        "Timeslices      | target: 0.9, timeSliceTarget: 0.9, timeSliceWindow: 2d | $[1].spec.objectives[0].timeSliceWindow: a time slice is 1m to 1d (e.g. 1m, 5m, 1h), was '2d'",
        "RatioTimeslices | target: 0.9, timeSliceTarget: 0.9, timeSliceWindow: 1m | $[1].spec.objectives[0].timeSliceTarget: is not read with RatioTimeslices (the slices' good shares are averaged); use Timeslices to judge each slice against it",
        "Occurrences     | target: 0.9, timeSliceWindow: 1m              | $[1].spec.objectives[0].timeSliceWindow: is only read with budgetingMethod: Timeslices or RatioTimeslices",
    })
    void a_wrong_budgeting_is_refused_naming_the_path(String method, String objective, String problem) {
        assertThat(read(slo(method, objective)).problems()).extracting(CatalogProblem::toString)
                .containsExactly("web.yaml: " + problem);
    }

    @ParameterizedTest(name = "targetPercent {0} is target {1}")
    @CsvSource({"98, 0.98", "99.9, 0.999", "99.95, 0.9995", "0.5, 0.005"})
    void target_percent_is_the_target_in_percent(String percent, double target) {
        Catalog catalog = read(slo("", "targetPercent: " + percent));

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.objectives()).singleElement().extracting(Objective::target).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "targetPercent: 100           | $[1].spec.objectives[0].targetPercent: must be between 0 and 100 (e.g. 99.9), was 100",
        "targetPercent: 0             | $[1].spec.objectives[0].targetPercent: must be between 0 and 100 (e.g. 99.9), was 0",
        "target: 0.98, targetPercent: 98 | $[1].spec.objectives[0].targetPercent: give target or targetPercent, not both",
        "displayName: none            | $[1].spec.objectives[0].target: missing: an objective needs target (e.g. 0.999) or targetPercent (e.g. 99.9)",
    })
    void a_target_must_be_one_of_target_and_target_percent(String objective, String problem) {
        assertThat(read(slo("", objective)).problems()).extracting(CatalogProblem::toString)
                .containsExactly("web.yaml: " + problem);
    }

    @Test
    void time_slice_objectives_export_as_read_and_read_back_the_same() {
        Catalog original = read(slo("Timeslices", "target: 0.995, timeSliceTarget: 0.99, timeSliceWindow: 60m"));
        assertThat(original.problems()).isEmpty();

        String exported = OpenSloWriter.write(List.of(new CatalogEntry(original.services().getFirst(), original.objectives())));
        Catalog reread = read(exported);

        assertThat(exported).contains("budgetingMethod: Timeslices").contains("timeSliceTarget: 0.99")
                .contains("timeSliceWindow: 1h").doesNotContain("Occurrences");
        assertThat(reread.problems()).isEmpty();
        assertThat(reread.objectives()).isEqualTo(original.objectives());
        assertThat(reread.objectives().getFirst().budgeting()).isEqualTo(Budgeting.timeslices(60, 0.99));
    }
}
