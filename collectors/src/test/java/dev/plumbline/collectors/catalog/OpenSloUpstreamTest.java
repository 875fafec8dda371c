package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.Budgeting;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader against OpenSLO's own files (copies in src/test/resources/openslo/upstream, see SOURCES.md there): the
 * specification's examples and schema-test files, and the Go SDK's test data. The services they name are declared
 * in a file of this test, as a catalog would. Each file is either read to the objectives it means or refused with
 * every problem naming the file and the YAML path.
 */
class OpenSloUpstreamTest {

    private static final String SERVICES = """
            - {apiVersion: openslo/v1, kind: Service, metadata: {name: web-shop}}
            - {apiVersion: openslo/v1, kind: Service, metadata: {name: web-availability}}
            - {apiVersion: openslo/v1, kind: Service, metadata: {name: web}}
            - {apiVersion: openslo/v1, kind: Service, metadata: {name: foo}}
            - {apiVersion: openslo/v1, kind: Service, metadata: {name: the-service-name}}
            """;

    static String upstream(String file) throws IOException {
        try (InputStream in = OpenSloUpstreamTest.class.getResourceAsStream("/openslo/upstream/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Catalog read(String file, String text) {
        return OpenSloReader.read(List.of(new OpenSloReader.Source("services.yaml", SERVICES),
                new OpenSloReader.Source(file, text)));
    }

    private static Catalog read(String file) throws IOException {
        return read(file, upstream(file));
    }

    @Test
    void the_occurrences_example_is_a_latency_objective_over_two_rolling_weeks() throws IOException {
        Catalog catalog = read("budgeting-method/occurences-slo.yaml");

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.objectives()).containsExactly(new Objective("web-shop", "search-slo", Indicator.LATENCY, 0.99,
                500.0, ObjectiveWindow.rolling(14), Budgeting.OCCURRENCES));
    }

    @Test
    void the_ratio_timeslices_example_averages_one_minute_slices_over_two_rolling_weeks() throws IOException {
        Catalog catalog = read("budgeting-method/ratio-timeslices.yaml");

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.objectives()).containsExactly(new Objective("web-shop", "main-page", Indicator.AVAILABILITY,
                0.99, null, ObjectiveWindow.rolling(14), Budgeting.ratioTimeslices(1)));
    }

    @Test
    void the_timeslices_example_with_its_month_written_1M_gives_two_time_slice_objectives() throws IOException {
        String text = upstream("budgeting-method/timeslices-slo.yaml");
        assertThat(text).contains("duration: 1m #");

        Catalog catalog = read("timeslices-slo.yaml", text.replace("duration: 1m #", "duration: 1M #"));

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.objectives()).containsExactly(
                new Objective("web-availability", "service-availability-internal-objective", Indicator.AVAILABILITY,
                        0.995, null, ObjectiveWindow.CALENDAR_MONTH, Budgeting.timeslices(1, 0.99)),
                new Objective("web-availability", "service-availability-sla", Indicator.AVAILABILITY, 0.99, null,
                        ObjectiveWindow.CALENDAR_MONTH, Budgeting.timeslices(1, 0.99)));
    }

    @Test
    void the_schema_tests_service_is_read_and_lists_of_objects_are_read_as_the_sdk_writes_them() throws IOException {
        assertThat(read("schema-test/service.yaml").services()).contains(new Service("my-rad-service", "My Rad Service",
                "This is a great description of an even better service.", "", "", 1));
        for (String file : List.of("sdk-decode/sequence_of_objects.yaml", "sdk-decode/two_documents.yaml")) {
            Catalog catalog = read(file);
            assertThat(catalog.problems()).as(file).isEmpty();
            assertThat(catalog.services()).extracting(Service::name).as(file).endsWith("users-auth", "users-login");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "budgeting-method/timeslices-slo.yaml | $[0].spec.timeWindow[0].duration: a calendar window is 1M, 1Q or 1Y (the "
            + "calendar month, quarter or year, UTC), was '1m' (m is minutes; the month is M)",
        "treat-low-traffic-as-equally-important/timeslices-slo.yaml | $[0].spec.timeWindow[0].duration: a calendar window "
            + "is 1M, 1Q or 1Y (the calendar month, quarter or year, UTC), was '1w'; days and weeks make a rolling window "
            + "(isRolling: true)",
        "schema-test/service-long-description.yaml | $[0].spec.description: at most 1050 characters (the OpenSLO limit), "
            + "has 1418",
        "schema-test/slo-no-indicatorref-calendar-no-alerts.yaml | $[0].spec.timeWindow[0].duration: a calendar window "
            + "is 1M, 1Q or 1Y (the calendar month, quarter or year, UTC), was '1d'; days and weeks make a rolling window "
            + "(isRolling: true)",
        "sdk-decode/v1_slos.yaml | $[0].spec.timeWindow: missing: Plumbline judges an objective over its timeWindow, "
            + "e.g. [{duration: 28d, isRolling: true}]",
        "sdk-test-data/export-inputs-v1_slo.yaml | $[0].spec.timeWindow[0].duration: a calendar window is 1M, 1Q or 1Y "
            + "(the calendar month, quarter or year, UTC), was '1w'; days and weeks make a rolling window (isRolling: true)",
        "sdk-test-data/export-inputs-v1_slo.yaml | $[0].spec.alertPolicies[0].spec.conditions[0].conditionRef: no "
            + "AlertCondition named 'cpu-usage-breach' in this catalog",
        "sdk-test-data/inline-inputs-v1_slo.yaml | $[0].spec.indicatorRef: indicatorRef is not supported: put the "
            + "indicator inline under spec.indicator",
        "sdk-test-data/inline-inputs-v1_slo.yaml | $[1].kind: kind 'SLI' is not read by Plumbline; use Service, SLO "
            + "(indicators inline), AlertPolicy, AlertCondition or AlertNotificationTarget",
    })
    void what_plumbline_cannot_judge_is_refused_naming_the_file_and_path(String file, String problem) throws IOException {
        Catalog catalog = read(file);

        assertThat(catalog.problems()).extracting(CatalogProblem::toString).contains(file + ": " + problem)
                .noneMatch(p -> p.contains("must be a mapping"));
    }
}
