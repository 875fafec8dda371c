package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.Presets;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenSLO AlertPolicy and AlertCondition documents: written for a policy, read back to it, refused naming the path. */
class OpenSloAlertsTest {

    static final String SEARCH = "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: search\n";
    static final Objective AVAILABILITY = new Objective("search", "availability", Indicator.AVAILABILITY, 0.999, null,
            ObjectiveWindow.rolling(30));
    static final AlertPolicy HELD = new AlertPolicy("held", "pages held and kept firing", List.of(
            new BurnRule("page-1h", BurnRule.Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4,
                    Duration.ofMinutes(10), Duration.ofMinutes(15), 1000),
            new BurnRule("ticket-1d", BurnRule.Severity.TICKET, Duration.ofDays(1), null, 15.000000000000002,
                    Duration.ofMinutes(90), Duration.ZERO, 0)));

    static Catalog read(String... texts) {
        List<OpenSloReader.Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            sources.add(new OpenSloReader.Source("f" + i + ".yaml", texts[i]));
        }
        return OpenSloReader.read(sources);
    }

    @Test
    void an_exported_policy_reads_back_as_the_objectives_policy_with_its_description_windows_for_keep_and_minimum() {
        for (AlertPolicy policy : List.of(Presets.sreWorkbook(AVAILABILITY.window()), HELD)) {
            String exported = OpenSloAlertWriter.write(AVAILABILITY, policy);

            Catalog catalog = read(SEARCH, exported);

            assertThat(catalog.problems()).as(policy.name()).isEmpty();
            assertThat(catalog.objectives()).containsExactly(AVAILABILITY);
            assertThat(catalog.alertPolicies()).containsExactly(new ObjectiveAlertPolicy("search", "availability",
                    policy));
        }
    }

    @Test
    void the_export_has_an_alert_condition_of_kind_burnrate_and_an_alert_policy_per_rule() {
        String exported = OpenSloAlertWriter.write(AVAILABILITY, HELD);

        assertThat(exported).contains("kind: AlertCondition", "kind: AlertPolicy", "kind: AlertNotificationTarget",
                "alertPolicyRef: search-availability-page-1h", "conditionRef: search-availability-ticket-1d");
        assertThat(exported).contains("    kind: burnrate\n    op: gt\n    threshold: 14.4\n    lookbackWindow: 1h\n"
                + "    alertAfter: 10m\n", "plumbline.dev/short-window: 5m", "plumbline.dev/keep-firing-for: 15m",
                "plumbline.dev/min-requests: '1000'", "lookbackWindow: 1d", "alertAfter: 90m");
    }

    @Test
    void the_specifications_inline_condition_is_read_when_an_slo_names_its_policy() throws IOException {
        String slo = OpenSloUpstreamTest.upstream("alerting/slo-no-indicatorref-rolling-alerts.yaml")
                .replace("- foo-alert-policy", "- alert-policy");

        Catalog catalog = read("apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: the-service-name\n", slo,
                OpenSloUpstreamTest.upstream("alerting/alert-policy-inline-cond.yaml"));

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.alertPolicies()).containsExactly(new ObjectiveAlertPolicy("the-service-name", "test-slo",
                new AlertPolicy("openslo", "", List.of(new BurnRule("cpu-usage-breach", BurnRule.Severity.PAGE,
                        Duration.ofHours(1), null, 2, Duration.ofMinutes(5), Duration.ZERO, 0)))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the schema test's SLO names a policy it does not have | f1.yaml: $[0].spec.alertPolicies[0]: no AlertPolicy "
            + "named 'foo-alert-policy' in this catalog",
        "a policy no SLO uses would be lost | f2.yaml: $[0]: AlertPolicy 'alert-policy' is in no SLO's alertPolicies: "
            + "Plumbline keeps alert policies per objective, so it would be lost",
        "conditions alone would be lost | f3.yaml: $[0]: AlertCondition 'cpu-usage-breach' is in no AlertPolicy an SLO "
            + "uses, so it would be lost",
    })
    void the_specifications_own_examples_that_plumbline_cannot_keep_are_refused(String what, String problem)
            throws IOException {
        Catalog catalog = read("apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: the-service-name\n",
                OpenSloUpstreamTest.upstream("alerting/slo-no-indicatorref-rolling-alerts.yaml"),
                OpenSloUpstreamTest.upstream("alerting/alert-policy-inline-cond.yaml"),
                OpenSloUpstreamTest.upstream("alerting/alert_conditions.yaml"));

        assertThat(catalog.problems()).extracting(CatalogProblem::toString).contains(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a severity that is not page or ticket | severity: page | severity: warning | $[1].spec.severity: Plumbline's "
            + "rules page or ticket, was 'warning'",
        "an operator other than gt | op: gt | op: lte | $[1].spec.condition.op: Plumbline's rules fire when the burn "
            + "rate is above the threshold: gt, was 'lte'",
        "a lookback window in months | lookbackWindow: 1h | lookbackWindow: 1M | $[1].spec.condition.lookbackWindow: "
            + "must be minutes, hours, days or weeks (m, h, d, w), was '1M'",
        "a negative threshold | threshold: 14.4 | threshold: -2 | $[1].spec.condition.threshold: must be a positive "
            + "burn rate, was -2",
        "a minimum that is not whole | plumbline.dev/min-requests: '1000' | plumbline.dev/min-requests: '10.5' | "
            + "$[1].metadata.annotations.plumbline.dev/min-requests: must be a whole number of requests, was 10.5",
        "a short window longer than the long one | plumbline.dev/short-window: 5m | plumbline.dev/short-window: 2h | "
            + "$[1]: shortWindow: PT2H is longer than longWindow PT1H",
        "a condition named nowhere | conditionRef: search-availability-page-1h | conditionRef: nope | "
            + "$[3].spec.conditions[0].conditionRef: no AlertCondition named 'nope' in this catalog",
    })
    void a_broken_alert_document_is_refused_naming_file_and_path(String what, String from, String to, String problem) {
        String exported = OpenSloAlertWriter.write(AVAILABILITY, HELD);
        assertThat(exported).contains(from);

        Catalog catalog = read(SEARCH, exported.replaceFirst(java.util.regex.Pattern.quote(from), to));

        assertThat(catalog.problems()).extracting(CatalogProblem::toString).contains("f1.yaml: " + problem);
        assertThat(catalog.alertPolicies()).isEmpty();
    }
}
